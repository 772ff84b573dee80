package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --realtime} in a forked JVM, stopped by SIGTERM as a service manager or a user would:
 * the loop stops at a tick boundary, the actuators end at their safe values, the summary and its
 * JSON are written and the process exits 0 within one second plus one period — started directly
 * and through the jar's launcher (which must forward the signal and leave no JVM behind).
 */
class StopOnSignalTest {
  private static final long PERIOD_MS = 20;

  @TempDir Path dir;

  @Test
  void shouldStopInOrderOnSigterm() throws Exception {
    Run run = start(List.of(), 20);

    long elapsedMs = run.terminateAndWait();

    assertEquals(0, run.process.exitValue(), run.output());
    assertStoppedSafely(run, elapsedMs);
  }

  @Test
  void shouldForwardSigtermThroughTheLauncherAndLeaveNoProcessBehind() throws Exception {
    Run run = start(List.of("-D" + "nrledge.launcher.relaunch=always", "io.nrledge.launch.Launcher"), 20);
    List<ProcessHandle> children = run.process.toHandle().children().toList();
    assertEquals(1, children.size(), "the launcher started one JVM");

    long elapsedMs = run.terminateAndWait();

    assertEquals(0, run.process.exitValue(), run.output());
    assertStoppedSafely(run, elapsedMs);
    assertTrue(children.get(0).onExit().get(5, TimeUnit.SECONDS) != null);
    assertFalse(children.get(0).isAlive(), "the launched JVM ended with the launcher");
  }

  @Test
  void shouldStopInOrderWhenTheWholeProcessGroupIsSignalledThroughTheLauncher() throws Exception {
    // Ctrl-C in a terminal and systemd signal the process group: the relaunched JVM gets the
    // signal itself and once more from the launcher, which is still one request
    assumeFalse(ignoresSigint(), "this JVM ignores SIGINT (started in the background by a non-interactive"
        + " shell), and so do the processes it starts: no SIGINT can reach them");
    Run run = start(List.of("-D" + "nrledge.launcher.relaunch=always", "io.nrledge.launch.Launcher"), 20, true);
    assertEquals(1, run.process.toHandle().children().count(), "the launcher started one JVM");

    long t0 = System.nanoTime();
    Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + run.process.pid()).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill signalled the process group");
    assertTrue(run.process.waitFor(10, TimeUnit.SECONDS), "exited after SIGINT");
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

    assertEquals(0, run.process.exitValue(), run.output());
    assertTrue(elapsedMs <= 1_000 + PERIOD_MS, "stopped within one second plus one period: " + elapsedMs + " ms");
    String json = Files.readString(run.summary);
    assertTrue(json.contains("\"stop_reason\":\"signal\""), json);
    assertTrue(json.contains("\"safe_stop\":true"), json);
  }

  @Test
  void shouldExitAtOnceOnASecondSignalAfterOneMoreSafeWrite() throws Exception {
    Run run = start(List.of(), 10_000); // a long period: the orderly stop waits for the next tick

    run.process.destroy();
    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(StopSignals.REPEAT_WINDOW_NS) + 200); // a second request, not a repeat
    run.process.destroy();
    assertTrue(run.process.waitFor(10, TimeUnit.SECONDS), "exited");

    assertEquals(143, run.process.exitValue(), run.output());
    assertTrue(run.output().contains("second SIGTERM: exiting now; actuators driven safe"), run.output());
  }

  @Test
  void shouldStillStopInOrderWhenTheSignalComesDuringTheDryRun() throws Exception {
    // a dry run of about a minute that never solves: the signal lands in it and must end it
    Run run = launch(List.of(), 20, 20_000_000, false);
    awaitOutput(run, "nrl-edge: dry run: 20000000 ticks");
    Thread.sleep(200);

    long elapsedMs = run.terminateAndWait();

    assertEquals(0, run.process.exitValue(), run.output());
    assertTrue(elapsedMs <= 1_000 + PERIOD_MS, "stopped within one second plus one period: " + elapsedMs + " ms");
    String json = Files.readString(run.summary);
    assertTrue(json.contains("\"stop_reason\":\"signal\""), json);
    assertTrue(json.contains("\"ticks\":0,"), "the real loop never ticked: " + json);
    assertTrue(json.contains("\"safe_stop\":true"), json);
  }

  @Test
  void shouldWarnInOneLineWhenStartedWithSigintIgnored() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String run = "exec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' " + Main.class.getName()
        + " run --ticks 100 --status never";
    String warning = "nrl-edge: warning: SIGINT is ignored by this process (started as a background job?), so it"
        + " cannot stop this run; SIGTERM can";

    // a background job of a non-interactive shell starts like this: SIGINT ignored, inherited across exec
    List<String> ignoring = output(new ProcessBuilder("bash", "-c", "trap '' INT; " + run));

    assertTrue(ignoring.contains(warning), ignoring.toString());
    assertEquals(1, ignoring.stream().filter(l -> l.contains("warning")).count(), ignoring.toString());
    if (!ignoresSigint()) { // else the shell cannot un-ignore it for the run without the trap either
      List<String> normal = output(new ProcessBuilder("bash", "-c", run));
      assertFalse(normal.stream().anyMatch(l -> l.contains("SIGINT")), normal.toString());
    }
  }

  private List<String> output(ProcessBuilder builder) throws Exception {
    Path out = Files.createTempFile(dir, "run", ".txt");
    Process p = builder.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ended");
    assertEquals(0, p.exitValue(), Files.readString(out));
    return Files.readAllLines(out);
  }

  /**
   * True when this process ignores SIGINT (/proc/self/status, SigIgn bit 1). A child inherits an
   * ignored signal across exec, and the JVM then installs no handler for it.
   */
  private static boolean ignoresSigint() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & 0x2) != 0;
      }
    }
    return false;
  }

  private void assertStoppedSafely(Run run, long elapsedMs) throws IOException {
    assertTrue(elapsedMs <= 1_000 + PERIOD_MS, "stopped within one second plus one period: " + elapsedMs + " ms");
    String json = Files.readString(run.summary);
    assertTrue(json.contains("\"stop_reason\":\"signal\""), json);
    assertTrue(json.contains("\"safe_stop\":true"), json);
    assertTrue(json.contains("\"actuators_at_exit\":[0.0]"), json);
    assertTrue(run.output().contains("realtime-cartpole: signal after"), run.output());
  }

  /** Starts {@code run} on a real-time CartPole rig and returns once its status line shows the loop running. */
  private Run start(List<String> launcher, long periodMs) throws Exception {
    return start(launcher, periodMs, false);
  }

  /** As above; {@code ownGroup}: in a process group of its own (through setsid), to signal the group. */
  private Run start(List<String> launcher, long periodMs, boolean ownGroup) throws Exception {
    Run run = launch(launcher, periodMs, 2_000, ownGroup);
    awaitOutput(run, "ticks/s");
    return run;
  }

  private static void awaitOutput(Run run, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!run.output().contains(text)) {
      assertTrue(run.process.isAlive(), "run ended early: " + run.output());
      assertTrue(System.nanoTime() - deadline < 0, "no '" + text + "' within 30 s: " + run.output());
      Thread.sleep(50);
    }
  }

  /** Starts {@code run} on a real-time CartPole rig with a dry run of {@code dryRunTicks}. */
  private Run launch(List<String> launcher, long periodMs, long dryRunTicks, boolean ownGroup) throws Exception {
    Path project = Path.of(System.getProperty("nrledge.projectDir", "."));
    String profileText = Files.readString(project.resolve("device-profiles/sim-cartpole.yaml"))
        .replace("name: sim-cartpole", "name: realtime-cartpole")
        .replace("period: 20ms", "period: " + periodMs + "ms")
        .replace("time: fast", "time: realtime\n  dry-run-ticks: " + dryRunTicks)
        .replace("solved-average: 475", "solved-average: 1000");
    assertTrue(profileText.contains("time: realtime"), "the profile template changed");
    Path profile = dir.resolve("realtime-cartpole.yaml");
    Files.writeString(profile, profileText);
    Path summary = dir.resolve("summary.json");
    Path output = dir.resolve("output.txt");
    List<String> command = new ArrayList<>();
    if (ownGroup) {
      command.add("setsid"); // execs in place: the process it starts leads its own group
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    if (launcher.isEmpty()) {
      command.add(Main.class.getName());
    } else {
      command.addAll(ownGroup ? 2 : 1, launcher.subList(0, launcher.size() - 1)); // right after java
      command.add(launcher.get(launcher.size() - 1));
    }
    command.addAll(List.of("run", "--profile", profile.toString(), "--duration", "60s", "--status", "always",
        "--summary-json", summary.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    return new Run(process, summary, output);
  }

  private record Run(Process process, Path summary, Path outputFile) {
    /** SIGTERM, then the milliseconds until the process exited. */
    long terminateAndWait() throws InterruptedException {
      long t0 = System.nanoTime();
      process.destroy();
      assertTrue(process.waitFor(10, TimeUnit.SECONDS), "exited after SIGTERM");
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    String output() {
      try {
        return Files.readString(outputFile);
      } catch (IOException e) {
        return "(no output: " + e + ")";
      }
    }
  }
}
