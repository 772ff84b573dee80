package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.testing.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forked JVM runs {@code experiment}, gets SIGTERM once its first run has finished, and must
 * keep that run's rows, mark {@code config.json} interrupted and exit 143; {@code --resume} must
 * then finish it into files equal to an uninterrupted run's (episodes.csv byte for byte,
 * summary.csv but for its two timing columns).
 */
class ExperimentInterruptTest {
  private static final List<String> OPTIONS = List.of("experiment", "--task", "acrobot", "--rules", "nrl",
      "--seeds", "1,2,3,4", "--episodes", "60", "--threads", "1");
  private static final int EPISODES = 60;

  @Test
  void shouldKeepFinishedRunsOnSigtermAndResumeToTheUninterruptedResult(@TempDir Path tmp) throws Exception {
    Path interrupted = tmp.resolve("interrupted");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(OPTIONS);
    command.addAll(List.of("--out", interrupted.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("output.txt").toFile()).start();
    Path summary = interrupted.resolve("summary.csv");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines(summary) < 2 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    p.destroy();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stopped in time");
    String output = Files.readString(tmp.resolve("output.txt"));

    assertEquals(143, p.exitValue(), output);
    assertTrue(Files.readString(interrupted.resolve("config.json")).contains("\"status\": \"interrupted\""));
    long keptRuns = lines(summary) - 1;
    assertTrue(keptRuns >= 1 && keptRuns < 4, "some runs kept, not all: " + keptRuns + "\n" + output);
    assertEquals(1 + keptRuns * EPISODES, lines(interrupted.resolve("episodes.csv")), "whole runs only");
    assertTrue(!Files.exists(interrupted.resolve("curves.png")));

    List<String> resumeArgs = new ArrayList<>(OPTIONS);
    resumeArgs.addAll(List.of("--out", interrupted.toString(), "--resume"));
    CommandRun resumed = CommandRun.execute(resumeArgs.toArray(String[]::new));
    assertEquals(0, resumed.exit(), resumed.err());
    assertEquals(4 - keptRuns, resumed.errLines().size(), "only the missing runs ran: " + resumed.err());

    Path whole = tmp.resolve("whole");
    List<String> wholeArgs = new ArrayList<>(OPTIONS);
    wholeArgs.addAll(List.of("--out", whole.toString()));
    assertEquals(0, CommandRun.execute(wholeArgs.toArray(String[]::new)).exit());

    assertTrue(Files.readString(interrupted.resolve("config.json")).contains("\"status\": \"complete\""));
    assertArrayEquals(Files.readAllBytes(whole.resolve("episodes.csv")), Files.readAllBytes(interrupted.resolve("episodes.csv")));
    assertEquals(withoutTimings(whole.resolve("summary.csv")), withoutTimings(summary));
    assertTrue(Files.exists(interrupted.resolve("curves.png")));
  }

  private static long lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    return Files.readString(file).chars().filter(c -> c == '\n').count();
  }

  private static List<String> withoutTimings(Path summary) throws IOException {
    return Files.readAllLines(summary).stream()
        .map(line -> String.join(",", List.of(line.split(",", -1)).subList(0, 8))).toList();
  }
}
