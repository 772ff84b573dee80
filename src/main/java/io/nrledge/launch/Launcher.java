package io.nrledge.launch;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Main class of {@code nrl-edge.jar}, compiled for Java 8 so any JVM can load it. On Java 21 or
 * newer it calls {@code io.nrledge.cli.Main}. On an older JVM it looks for a Java 21+ runtime
 * ({@code JAVA_HOME}, then the usual install folders) and runs the jar there with the same
 * arguments and JVM options; if there is none, it prints one line saying so and exits with 2.
 * While the child runs, SIGINT and SIGTERM sent to the launcher are forwarded to it, and the
 * launcher waits for it and exits with its exit code, so no JVM is left behind.
 * It must never load project classes on an old JVM.
 */
public final class Launcher {
  static final int REQUIRED_FEATURE = 21;
  private static final String MAIN = "io.nrledge.cli.Main";
  /** Set to {@code always} to hand over to a new JVM even on Java 21+ (tests of the hand-over use it). */
  static final String RELAUNCH_PROPERTY = "nrledge.launcher.relaunch";
  private static final String[] JVM_FOLDERS = {
    "/usr/lib/jvm", "/usr/java", "/opt/java", "/opt", "/Library/Java/JavaVirtualMachines"
  };

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    boolean forced = "always".equals(System.getProperty(RELAUNCH_PROPERTY));
    if (!forced && feature(System.getProperty("java.specification.version")) >= REQUIRED_FEATURE) {
      runMain(args);
      return;
    }
    String runningJava = System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")";
    File java = forced ? new File(System.getProperty("java.home"), "bin/java") : findJava();
    if (java == null) {
      System.err.println("nrl-edge: needs Java " + REQUIRED_FEATURE + " or newer, but this is Java " + runningJava
          + " and no newer JDK was found in JAVA_HOME or " + String.join(", ", JVM_FOLDERS)
          + "; install one or set JAVA_HOME to it.");
      System.exit(2);
    }
    System.exit(relaunch(java, args));
  }

  private static void runMain(String[] args) throws Exception {
    try {
      Class.forName(MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw (Error) cause;
    }
  }

  private static int relaunch(File java, String[] args) throws IOException {
    List<String> command = new ArrayList<String>();
    command.add(java.getPath());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("--enable-native-access=ALL-UNNAMED"); // JNA, for the control thread's real-time settings
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MAIN);
    for (String arg : args) {
      command.add(arg);
    }
    final Process child = new ProcessBuilder(command).inheritIO().start();
    ForwardSignals.install(child);
    while (true) {
      try {
        return child.waitFor();
      } catch (InterruptedException e) {
        // keep waiting: the child decides when the run is over
      }
    }
  }

  /** The newest {@code bin/java} of a Java 21+ runtime, or null. */
  static File findJava() {
    File best = null;
    int bestFeature = REQUIRED_FEATURE - 1;
    List<File> homes = new ArrayList<File>();
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null && !javaHome.isEmpty()) {
      homes.add(new File(javaHome));
    }
    for (String folder : JVM_FOLDERS) {
      File[] children = new File(folder).listFiles();
      if (children != null) {
        for (File child : children) {
          homes.add(child);
          homes.add(new File(child, "Contents/Home"));
        }
      }
    }
    for (File home : homes) {
      File java = new File(home, "bin/java");
      int feature = releaseFeature(home);
      if (java.canExecute() && feature > bestFeature) {
        best = java;
        bestFeature = feature;
      }
    }
    return best;
  }

  /** The feature version from a JDK's {@code release} file ({@code JAVA_VERSION="25.0.1"}), or -1. */
  static int releaseFeature(File home) {
    File release = new File(home, "release");
    if (!release.isFile()) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(release.toPath(), StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_VERSION=")) {
          return feature(line.substring("JAVA_VERSION=".length()).replace("\"", ""));
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  /** 8 for "1.8.0_392", 17 for "17", 25 for "25.0.1"; -1 if unreadable. */
  static int feature(String version) {
    if (version == null) {
      return -1;
    }
    String v = version.startsWith("1.") ? version.substring(2) : version;
    int end = 0;
    while (end < v.length() && Character.isDigit(v.charAt(end))) {
      end++;
    }
    return end == 0 ? -1 : Integer.parseInt(v.substring(0, end));
  }
}
