package io.nrledge.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McapFileTest {
  private static final long BIG = 1L << 30;

  private static TelemetryWriter.Settings settings(Path dir, long budget, long fileBytes) {
    return new TelemetryWriter.Settings(dir, dir, budget, fileBytes, 50_000_000L, Map.of("profile", "test"),
        "overruns,sensor-timeout", "read,observe");
  }

  /** Every message of every telemetry file in {@code dir}, decoded, in order. */
  static List<Object> readAll(Path dir) throws IOException {
    List<Object> all = new ArrayList<>();
    for (Path f : DiskBudget.telemetryFilesOldestFirst(dir)) {
      McapReader.Outcome o = McapReader.read(f, (c, seq, t, data) -> all.add(TelemetryFormat.decode(c.topic(), data)));
      assertTrue(o.complete(), f + " ends with a footer");
      assertEquals("test", o.metadata().get("run").get("profile"));
    }
    return all;
  }

  @Test
  void shouldReadBackExactlyTheRecordsWrittenWithTheGapWhereTicksWereDropped(@TempDir Path dir) throws Exception {
    RunRecorder recorder = new RunRecorder(2, 8, 8);
    TelemetryWriter writer = new TelemetryWriter(recorder, settings(dir, BIG, BIG));
    double[] obs = {0.5, -1.25};
    for (int t = 0; t < 12; t++) { // 8 fit, 4 drop: the writer is not started yet
      recorder.tick(t, 1000L * t, 7 * t, t % 2, t == 3 ? 1.0 : 0.0, t * 0.5, obs);
    }
    recorder.episode(5, 5000, 1, 6, 6.0, 6.0);
    recorder.fault(6, 6000, 1, 0, 2);
    writer.start();
    writer.close();

    List<Object> all = readAll(dir);
    List<Object> expected = new ArrayList<>();
    expected.add(new TelemetryFormat.Episode(1, 5, 6, 6.0, 6.0));
    expected.add(new TelemetryFormat.Fault(6, 1, 0, 2));
    for (int t = 0; t < 8; t++) {
      expected.add(new TelemetryFormat.Tick(t, 1000L * t, 7 * t, t % 2, t == 3 ? 1.0 : 0.0, t * 0.5, obs));
    }
    expected.add(new TelemetryFormat.Gap(4, 0));
    assertEquals(expected.size(), all.size(), all.toString());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(describe(expected.get(i)), describe(all.get(i)), "message " + i);
    }
    assertEquals(1, writer.gaps());
    assertEquals(List.of("episode,end_tick,ticks,return,moving_average", "1,5,6,6.0000,6.0000"),
        Files.readAllLines(dir.resolve("episodes.csv")));
  }

  private static String describe(Object m) {
    return m instanceof TelemetryFormat.Tick t
        ? t.tick() + "/" + t.timeNs() + "/" + t.latenessNs() + "/" + t.action() + "/" + t.reward() + "/" + t.rpe() + "/"
            + Arrays.toString(t.observation())
        : String.valueOf(m);
  }

  @Test
  void shouldReadAFileCutAtAnyOffsetUpToItsLastCompleteRecord(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("full.mcap");
    List<Long> messageEnds = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(42);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      McapWriter w = new McapWriter(ch, 4096, "", "test");
      TelemetryFormat.begin(w, Map.of("profile", "cut"), "a,b", "read");
      for (int i = 0; i < 500; i++) {
        int n = random.nextInt(6); // messages of varying length
        w.message(TelemetryFormat.TICK, i, i, i, 48 + 8 * n).putLong(i).putLong(i).putLong(0).putInt(0)
            .putDouble(0).putDouble(0).putInt(n).put(new byte[8 * n]);
        messageEnds.add(w.size());
      }
      w.finish();
    }
    byte[] full = Files.readAllBytes(file);
    McapReader.Outcome whole = McapReader.read(file, (c, s, t, d) -> { });
    assertTrue(whole.complete());
    assertEquals(500, whole.messages());
    for (int trial = 0; trial < 200; trial++) {
      int cut = 8 + random.nextInt(full.length - 8);
      Path cutFile = dir.resolve("cut.mcap");
      Files.write(cutFile, Arrays.copyOf(full, cut));
      List<Long> sequences = new ArrayList<>();
      McapReader.Outcome o = McapReader.read(cutFile, (c, s, t, d) -> sequences.add(s));
      long expected = messageEnds.stream().filter(end -> end <= cut).count();
      assertEquals(expected, o.messages(), "cut at " + cut);
      assertFalse(o.complete(), "a cut file is not complete");
      for (int i = 0; i < sequences.size(); i++) {
        assertEquals(i, sequences.get(i), "messages up to the cut, in order");
      }
    }
  }

  @Test
  void shouldRefuseAFileThatIsNotMcap(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("x.mcap");
    Files.writeString(f, "episode,end_tick\n1,2\n");
    IOException e = assertThrows(IOException.class, () -> McapReader.read(f, (c, s, t, d) -> { }));
    assertTrue(e.getMessage().contains("not an MCAP file"), e.getMessage());
  }

  @Test
  void shouldRotateFilesAndStayWithinTheBudgetDeletingTheOldestFirst(@TempDir Path root) throws Exception {
    Path old = Files.createDirectories(root.resolve("old-run"));
    Files.write(old.resolve("telemetry-000000.mcap"), new byte[300_000]);
    Path notARun = Files.createDirectories(root.resolve("notes"));
    Files.write(notARun.resolve("keep.txt"), new byte[100_000]);
    Path run = root.resolve("current");
    long budget = 1 << 20;
    RunRecorder recorder = new RunRecorder(4, 1 << 12, 64);
    TelemetryWriter writer = new TelemetryWriter(recorder, new TelemetryWriter.Settings(run, root, budget,
        budget / 8, 50_000_000L, Map.of("profile", "test"), "a", "b")).start();
    DiskBudget measure = new DiskBudget(root, run, budget);
    double[] obs = new double[4];
    long maxSeen = 0;
    for (int t = 0; t < 200_000; t++) { // ~22 MB of ticks through a 1 MiB budget
      while (!ringHasRoom(recorder)) {
        maxSeen = Math.max(maxSeen, measure.usedBytes());
      }
      recorder.tick(t, t, 0, 0, 1, 0, obs);
    }
    writer.close();
    maxSeen = Math.max(maxSeen, measure.usedBytes());
    assertTrue(maxSeen <= budget, "runs used at most the budget, at most " + maxSeen);
    assertFalse(Files.exists(old), "the older run went first");
    assertTrue(Files.exists(notARun.resolve("keep.txt")), "a folder that is not a run is left alone");
    List<Path> files = DiskBudget.telemetryFilesOldestFirst(run);
    assertTrue(files.size() >= 2, "older files of the current run were deleted, the newest kept: " + files);
    List<Long> ticks = new ArrayList<>();
    McapReader.read(files.get(files.size() - 1), (c, s, t, d) -> ticks.add(((TelemetryFormat.Tick)
        TelemetryFormat.decode(c.topic(), d)).tick()));
    assertEquals(199_999L, ticks.get(ticks.size() - 1), "the newest file ends with the last tick");
    assertEquals(0, recorder.dropped());
  }

  /** The test waits for the writer so that no tick drops (the control thread never would). */
  private static boolean ringHasRoom(RunRecorder r) {
    return r.ticks().published() - r.ticks().consumed() < r.ticks().capacity();
  }
}
