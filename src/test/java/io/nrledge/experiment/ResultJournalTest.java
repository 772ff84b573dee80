package io.nrledge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.learner.NoiseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJournalTest {
  private static final List<RunSpec> SPECS = new ExperimentPlan(Task.CARTPOLE, false, List.of(Method.BP),
      List.of(1L, 2L, 3L), TaskDefaults.hidden(), Map.of(), List.of(), true, 1, NoiseKind.GAUSSIAN, 20, false).runs();

  @TempDir Path dir;

  private static RunResult run(int i) {
    return new TrainingRun(SPECS.get(i)).run(new AtomicLong());
  }

  private String config() throws IOException {
    return Files.readString(dir.resolve(ResultFiles.CONFIG_JSON));
  }

  @Test
  void shouldRemoveAnEarlierExperimentsFilesBeforeWritingAndMarkItRunning() throws IOException {
    for (String name : ResultJournal.FILES) {
      Files.writeString(dir.resolve(name), "old experiment");
    }
    Files.writeString(dir.resolve("notes.txt"), "keep");

    ResultJournal.start(dir, "v", List.of("experiment"), SPECS);

    assertTrue(config().contains("\"status\": \"running\""));
    assertEquals(List.of(ResultFiles.SUMMARY_HEADER), Files.readAllLines(dir.resolve(ResultFiles.SUMMARY_CSV)));
    assertEquals(List.of(ResultFiles.EPISODES_HEADER), Files.readAllLines(dir.resolve(ResultFiles.EPISODES_CSV)));
    assertFalse(Files.exists(dir.resolve("curves.png")), "an old plot must not stand beside the new files");
    assertEquals("keep", Files.readString(dir.resolve("notes.txt")));
  }

  @Test
  void shouldPutEachFinishedRunOnDiskAtOnceAndIgnoreRunsAfterTheInterruptMarker() throws IOException {
    ResultJournal journal = ResultJournal.start(dir, "v", List.of("experiment"), SPECS);

    journal.record(run(2));
    assertEquals(2, Files.readAllLines(dir.resolve(ResultFiles.SUMMARY_CSV)).size());
    assertEquals(1 + 20, Files.readAllLines(dir.resolve(ResultFiles.EPISODES_CSV)).size());
    journal.markInterrupted();
    journal.record(run(0));

    assertTrue(config().contains("\"status\": \"interrupted\""));
    assertEquals(2, Files.readAllLines(dir.resolve(ResultFiles.SUMMARY_CSV)).size());
    assertFalse(journal.writeOrderedRows(), "an interrupted journal writes nothing more");
  }

  @Test
  void shouldResumeKeepingOnlyWholeRunsAndDroppingAHalfWrittenRow() throws IOException {
    ResultJournal first = ResultJournal.start(dir, "v", List.of("experiment"), SPECS);
    first.record(run(1));
    first.markInterrupted();
    Files.writeString(dir.resolve(ResultFiles.EPISODES_CSV), "cartpole,bp,1,0.03,,1,12.0", java.nio.file.StandardOpenOption.APPEND);

    ResultJournal resumed = ResultJournal.resume(dir, "v", List.of("experiment", "--resume"), SPECS);

    assertEquals(List.of(SPECS.get(0), SPECS.get(2)), resumed.missing());
    assertEquals(1 + 20, Files.readAllLines(dir.resolve(ResultFiles.EPISODES_CSV)).size(), "the cut-off row is gone");
    assertTrue(config().contains("\"status\": \"running\""));
    resumed.record(run(2));
    resumed.record(run(0));
    assertTrue(resumed.writeOrderedRows());
    resumed.markComplete();

    List<String> summary = Files.readAllLines(dir.resolve(ResultFiles.SUMMARY_CSV));
    assertEquals(4, summary.size());
    for (int i = 0; i < 3; i++) {
      assertTrue(summary.get(i + 1).startsWith("cartpole,bp," + (i + 1) + ","), "run order: " + summary);
    }
    assertTrue(config().contains("\"status\": \"complete\""));
  }

  @Test
  void shouldRefuseToResumeOtherRuns() throws IOException {
    ResultJournal.start(dir, "v", List.of("experiment"), SPECS).markInterrupted();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResultJournal.resume(dir, "v", List.of(), SPECS.subList(0, 2)));
    assertTrue(e.getMessage().contains("other runs"), e.getMessage());
  }
}
