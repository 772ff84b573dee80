package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.report.RunPlots;
import io.nrledge.testing.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run leaves in its folder, the runs' disk budget, and {@code report} on a real run folder. */
class RunFilesTest {
  private static final Path CARTPOLE = Path.of("device-profiles", "sim-cartpole.yaml");

  private static Path profileWithStorage(Path dir, String storage) throws Exception {
    Path p = dir.resolve("cartpole-storage.yaml");
    Files.writeString(p, Files.readString(CARTPOLE) + "storage:\n" + storage);
    return p;
  }

  private static long folderBytes(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (Exception e) {
      return -1; // a file vanished mid-walk: sample again
    }
  }

  @Test
  void shouldDrawFourPlotsWhoseSummaryMatchesTheRunsSummaryJson(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    CommandRun r = CommandRun.execute("run", "--fast", "--ticks", "40000", "--run-dir", run.toString(),
        "--status", "never");
    assertEquals(0, r.exit(), r.err());
    String json = Files.readString(run.resolve("summary.json"));
    assertTrue(Files.readAllLines(run.resolve("episodes.csv")).size() > 50, "one csv row per episode");

    CommandRun report = CommandRun.execute("report", run.toString());

    assertEquals(0, report.exit(), report.err());
    for (String png : RunPlots.FILES) {
      Path f = run.resolve(png);
      assertTrue(Files.size(f) > 5_000 && Files.size(f) < 2_000_000, png + " has a plausible size: " + Files.size(f));
    }
    assertTrue(report.out().contains(" " + field(json, "ticks") + " ticks, " + field(json, "episodes") + " episodes"),
        report.out() + json);
    double best = Double.parseDouble(field(json, "best_ma100"));
    assertTrue(report.out().contains(String.format(Locale.ROOT, "best moving average over 100 episodes: %.1f", best)),
        report.out());
    assertTrue(report.out().contains("faults: " + field(json, "faults")), report.out());
    assertTrue(report.out().contains("dropped records: " + field(json, "telemetry_records_dropped")), report.out());
  }

  private static String field(String json, String key) {
    int at = json.indexOf("\"" + key + "\":");
    assertTrue(at >= 0, key + " in " + json);
    int from = at + key.length() + 3;
    int to = from;
    while (to < json.length() && ",}\n".indexOf(json.charAt(to)) < 0) {
      to++;
    }
    return json.substring(from, to).trim();
  }

  @Test
  void shouldKeepAllRunsWithinTheBudgetDuringALongRun(@TempDir Path dir) throws Exception {
    Path runs = dir.resolve("runs");
    Path profile = profileWithStorage(dir, "  runs-folder: " + runs + "\n  log-folder: " + dir.resolve("logs")
        + "\n  run-budget: 1MB\n  sync-interval: 100ms\n");
    Files.createDirectories(runs);
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong max = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!done.get()) {
        max.accumulateAndGet(folderBytes(runs), Math::max);
        Thread.onSpinWait();
      }
    });
    sampler.start();
    CommandRun first = CommandRun.execute("run", "--profile", profile.toString(), "--fast", "--ticks", "60000",
        "--status", "never");
    CommandRun second = CommandRun.execute("run", "--profile", profile.toString(), "--fast", "--ticks", "150000",
        "--status", "never");
    done.set(true);
    sampler.join();
    assertEquals(0, first.exit(), first.err());
    assertEquals(0, second.exit(), second.err());

    assertTrue(max.get() <= 1 << 20, "the runs folder held at most 1 MiB, at most " + max.get());
    assertTrue(max.get() > 1 << 19, "the runs filled the budget (~17 MB were written through it): " + max.get());
    List<Path> left;
    try (Stream<Path> s = Files.list(runs)) {
      left = s.toList();
    }
    assertEquals(1, left.size(), "the older run was deleted first: " + left);
    assertTrue(left.get(0).getFileName().toString().startsWith("sim-cartpole-"), left.toString());
    assertTrue(Files.exists(left.get(0).resolve("summary.json")));
  }

  @Test
  void shouldReportWhatACutFileHoldsAndRefuseWhatIsNotARunFolder(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, CommandRun.execute("run", "--fast", "--ticks", "5000", "--run-dir", run.toString(),
        "--status", "never").exit());
    Path mcap = run.resolve("telemetry-000000.mcap");
    byte[] bytes = Files.readAllBytes(mcap);
    Files.write(mcap, java.util.Arrays.copyOf(bytes, bytes.length / 2 + 3));

    CommandRun cut = CommandRun.execute("report", run.toString(), "--out", dir.resolve("plots").toString());
    assertEquals(0, cut.exit(), cut.err());
    assertTrue(cut.out().contains("cut short: telemetry-000000.mcap"), cut.out());
    assertTrue(Files.exists(dir.resolve("plots").resolve(RunPlots.LEARNING_CURVE)));

    CommandRun notAFolder = CommandRun.execute("report", mcap.toString());
    assertEquals(2, notAFolder.exit());
    assertEquals(List.of("nrl-edge: report: '" + mcap + "' is not a folder"), notAFolder.errLines());

    CommandRun empty = CommandRun.execute("report", dir.resolve("plots").toString());
    assertEquals(2, empty.exit());
    assertTrue(empty.err().contains("is not a run folder: it holds no telemetry-*.mcap"), empty.err());

    Files.writeString(mcap, "not mcap");
    CommandRun garbage = CommandRun.execute("report", run.toString());
    assertEquals(1, garbage.exit());
    assertEquals(1, garbage.errLines().size(), garbage.err());
    assertTrue(garbage.err().contains("not an MCAP file"), garbage.err());
    assertFalse(garbage.err().contains("Exception"), garbage.err());
  }

  @Test
  void shouldPointABadStorageValueAtItsFileLineAndKey(@TempDir Path dir) throws Exception {
    Path profile = profileWithStorage(dir, "  run-budget: 12 parsecs\n");
    CommandRun r = CommandRun.execute("run", "--profile", profile.toString(), "--fast", "--ticks", "10");
    assertEquals(2, r.exit());
    int line = Files.readAllLines(profile).size();
    assertEquals(List.of("nrl-edge: " + profile + ":" + line + ":15: storage.run-budget: must be a size like 512KB,"
        + " 1MB or 2GB, got '12 parsecs'"), r.errLines());
  }
}
