package io.nrledge.bridge;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds firmware-bridge targets with make for the tests. A missing tool fails the test in CI
 * (CI=true; .ci/run installs them) and skips it elsewhere, saying why.
 */
final class FirmwareBuild {
  private static final long MAKE_TIMEOUT_S = 300;

  private FirmwareBuild() {}

  static Path projectDir() {
    return Path.of(System.getProperty("nrledge.projectDir", System.getProperty("user.dir")));
  }

  static Path firmwareDir() {
    return projectDir().resolve("firmware-bridge");
  }

  static Path build(String file) {
    return firmwareDir().resolve("build").resolve(file);
  }

  /** Fails (CI) or skips (elsewhere) unless every tool is on PATH. */
  static void requireTools(String why, String... tools) {
    List<String> missing = new ArrayList<>();
    for (String t : tools) {
      if (!onPath(t)) {
        missing.add(t);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String message = why + " needs " + String.join(", ", missing) + " on PATH (.ci/run installs them with apt-get)";
    if (System.getenv("CI") != null) {
      fail(message);
    }
    System.err.println("skipped: " + message);
    Assumptions.abort(message);
  }

  static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code make -C firmware-bridge ARGS}; fails with its output's tail unless it exits 0. Returns the output. */
  static String make(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("make", "-C", firmwareDir().toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("nrl-make", ".log");
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(MAKE_TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        fail("timed out after " + MAKE_TIMEOUT_S + " s: " + command);
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        fail(command + " exited " + p.exitValue() + ":\n" + tail(text, 40));
      }
      return text;
    } finally {
      Files.deleteIfExists(out);
    }
  }

  static String tail(String text, int lines) {
    String[] all = text.split("\n");
    StringBuilder b = new StringBuilder();
    for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
      b.append(all[i]).append('\n');
    }
    return b.toString();
  }
}
