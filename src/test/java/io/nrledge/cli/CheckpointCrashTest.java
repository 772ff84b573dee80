package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.telemetry.CheckpointStore;
import io.nrledge.telemetry.DiskBudget;
import io.nrledge.telemetry.McapReader;
import io.nrledge.testing.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power-cut stand-in: a learning run in a forked JVM that checkpoints after every episode is killed
 * with SIGKILL at seeded random moments, 20 times on one state folder, half of the trials with a
 * test-only pause in the middle of every file write so the kill often lands mid-checkpoint. After
 * every kill the folder holds only complete, valid checkpoints and temporaries; {@code inspect}
 * finds a valid one; the episode count never goes backwards; the next run resumes from it. A last
 * clean run removes the temporaries and finishes its budget.
 */
class CheckpointCrashTest {
  private static final int TRIALS = 20;
  private static final Pattern EPISODES = Pattern.compile("\"episodes\":(\\d+)");

  @TempDir Path dir;

  @Test
  void shouldAlwaysLeaveAValidCheckpointWhenKilledAtRandomMomentsAndResumeFromIt() throws Exception {
    Path profile = unsolvableCartPole();
    Path state = dir.resolve("state");
    Random random = new Random(20261205);
    long lastEpisodes = -1;
    int killedWithTemporary = 0;
    int resumed = 0;
    long telemetryMessages = 0;

    for (int trial = 0; trial < TRIALS; trial++) {
      boolean slowWrites = trial % 2 == 1;
      Path output = dir.resolve("trial-" + trial + ".txt");
      Path runDir = dir.resolve("run-" + trial);
      Process p = start(profile, state, slowWrites, output, runDir);
      awaitACheckpoint(p, state, output);
      Thread.sleep(random.nextInt(400));
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no final checkpoint
      assertTrue(p.waitFor(10, TimeUnit.SECONDS), "killed");

      List<String> names = new ArrayList<>();
      try (Stream<Path> files = Files.list(state)) {
        files.forEach(f -> names.add(f.getFileName().toString()));
      }
      for (String name : names) {
        boolean temporary = name.endsWith(".ckpt.tmp");
        assertTrue(CheckpointStore.isCheckpointName(name) || temporary, "unexpected file " + name);
        if (temporary) {
          killedWithTemporary++;
        } else {
          CheckpointStore.Entry e = CheckpointStore.read(state.resolve(name));
          assertTrue(e.valid(), "trial " + trial + ": " + name + " is complete: " + e.error());
        }
      }
      telemetryMessages += readTelemetry(runDir, trial);
      CommandRun inspect = CommandRun.execute("inspect", "--json", state.toString());
      assertEquals(0, inspect.exit(), "trial " + trial + ": " + inspect.out() + inspect.err());
      assertTrue(inspect.out().startsWith("{\"valid\":true,"), inspect.out());
      Matcher m = EPISODES.matcher(inspect.out());
      assertTrue(m.find(), inspect.out());
      long episodes = Long.parseLong(m.group(1));
      assertTrue(episodes >= lastEpisodes, "trial " + trial + ": episodes went back from " + lastEpisodes + " to "
          + episodes);
      if (trial > 0 && Files.readString(output).contains("nrl-edge: resumed from " + state)) {
        resumed++;
      }
      lastEpisodes = episodes;
    }

    assertEquals(TRIALS - 1, resumed, "every run after the first resumed from the folder");
    assertTrue(killedWithTemporary > 0, "some kills landed in the middle of a checkpoint write");
    assertTrue(telemetryMessages > 0, "the killed runs left telemetry to read");
    long target = lastEpisodes + 5;
    CommandRun last = CommandRun.execute("run", "--profile", profile.toString(), "--state-dir", state.toString(),
        "--episodes", Long.toString(target), "--status", "never");
    assertEquals(0, last.exit(), last.err());
    try (Stream<Path> files = Files.list(state)) {
      assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "temporaries removed on start");
    }
    CommandRun inspect = CommandRun.execute("inspect", "--json", state.toString());
    assertTrue(inspect.out().contains("\"episodes\":" + target + ","), inspect.out());
  }

  /**
   * Reads every telemetry file a killed run left: each reads up to its last complete record (no
   * footer: the process never closed it), and each channel's messages are in order without
   * repeats. The messages read.
   */
  private static long readTelemetry(Path runDir, int trial) throws IOException {
    long messages = 0;
    for (Path file : DiskBudget.telemetryFilesOldestFirst(runDir)) {
      Map<Integer, Long> lastSequence = new HashMap<>();
      McapReader.Outcome outcome = McapReader.read(file, (channel, sequence, logTimeNs, data) -> {
        Long before = lastSequence.put(channel.id(), sequence);
        assertTrue(before == null || sequence > before, "trial " + trial + ": " + file + ": channel " + channel.topic()
            + " went from message " + before + " to " + sequence);
      });
      assertTrue(outcome.validBytes() <= Files.size(file), file.toString());
      messages += outcome.messages();
    }
    return messages;
  }

  /** The embedded CartPole rig with a threshold it never reaches, so only a kill or a signal ends it. */
  private Path unsolvableCartPole() throws IOException {
    Path project = Path.of(System.getProperty("nrledge.projectDir", "."));
    Path profile = dir.resolve("unsolvable-cartpole.yaml");
    String text = Files.readString(project.resolve("device-profiles/sim-cartpole.yaml"))
        .replace("solved-average: 475", "solved-average: 1000")
        + "storage:\n  sync-interval: 50ms\n"; // telemetry reaches the file often enough to be read after a kill
    assertTrue(text.contains("solved-average: 1000"), "the profile template changed");
    Files.writeString(profile, text);
    return profile;
  }

  @Test
  void shouldSaveTheStateItStoppedWithOnSigterm() throws Exception {
    Path state = dir.resolve("state");
    Path summary = dir.resolve("summary.json");
    Path output = dir.resolve("output.txt");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--profile",
        unsolvableCartPole().toString(), "--episodes", "100000000",
        "--state-dir", state.toString(), "--checkpoint-every", "1h", "--status", "always", "--summary-json",
        summary.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.readString(output).contains("ticks/s")) {
      assertTrue(p.isAlive() && System.nanoTime() - deadline < 0, "no status line: " + Files.readString(output));
      Thread.sleep(20);
    }

    p.destroy(); // SIGTERM: the orderly stop
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), "stopped");

    assertEquals(0, p.exitValue(), Files.readString(output));
    String json = Files.readString(summary);
    assertTrue(json.contains("\"stop_reason\":\"signal\""), json);
    assertEquals(List.of(state.resolve("state-000000000001.ckpt")), new CheckpointStore(state).files(),
        "one checkpoint, the final one (the interval never came)");
    CommandRun inspect = CommandRun.execute("inspect", "--json", state.toString());
    Matcher saved = EPISODES.matcher(inspect.out());
    Matcher stopped = EPISODES.matcher(json);
    assertTrue(saved.find() && stopped.find(), inspect.out());
    assertEquals(stopped.group(1), saved.group(1), "the checkpoint holds the episodes the run stopped with");
    assertTrue(Long.parseLong(saved.group(1)) > 0, inspect.out());
  }

  private Process start(Path profile, Path state, boolean slowWrites, Path output, Path runDir) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", // starts faster; the trials are about files, not speed
        "-cp", System.getProperty("java.class.path")));
    if (slowWrites) {
      command.add("-Dnrledge.checkpoint.testWriteDelayMs=20");
    }
    command.addAll(List.of(Main.class.getName(), "run", "--profile", profile.toString(), "--state-dir", state.toString(),
        "--checkpoint-every", "1ep", "--episodes", "100000000", "--status", "never", "--run-dir", runDir.toString()));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  /** Returns once the run has written a checkpoint of its own (a file numbered above those before it). */
  private static void awaitACheckpoint(Process p, Path state, Path output) throws Exception {
    long before = Files.isDirectory(state) ? new CheckpointStore(state).nextSequence() : 1;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.isDirectory(state) || new CheckpointStore(state).nextSequence() <= before) {
      assertTrue(p.isAlive(), "the run ended early: " + Files.readString(output));
      assertTrue(System.nanoTime() - deadline < 0, "no checkpoint within 30 s: " + Files.readString(output));
      Thread.sleep(20);
    }
  }
}
