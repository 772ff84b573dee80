package io.nrledge.io.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.io.Board;
import io.nrledge.io.ManualNanoClock;
import io.nrledge.learner.CreditForm;
import io.nrledge.learner.Learner;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.Learners;
import io.nrledge.runtime.ActionMap;
import io.nrledge.runtime.ControlLoop;
import io.nrledge.runtime.EventRing;
import io.nrledge.runtime.FaultKind;
import io.nrledge.runtime.LoopSettings;
import io.nrledge.runtime.LoopState;
import io.nrledge.runtime.ObservationMap;
import io.nrledge.runtime.StateCapture;
import io.nrledge.runtime.TickPhase;
import io.nrledge.runtime.VirtualTimeIdle;
import io.nrledge.telemetry.CheckpointSlot;
import io.nrledge.telemetry.CheckpointStore;
import io.nrledge.telemetry.CheckpointWriter;
import io.nrledge.telemetry.LoopTelemetry;
import io.nrledge.testing.AllocationWindows;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints are taken while the loop runs and the tick still allocates nothing: the control
 * thread copies the state into the preallocated slot (or skips, counted, while the writer thread
 * is busy writing real files), at episode ends on CartPole and at tick ends on the rover.
 */
class CheckpointingTickAllocationTest {
  private static final int WARMUP_TICKS = 100_000;
  private static final int WINDOW_TICKS = 10_000;

  @TempDir Path dir;

  /** A folder in memory where there is one (more snapshots reach the files), else the test's temporary folder. */
  private Path folder() throws java.io.IOException {
    Path shm = Path.of("/dev/shm");
    if (java.nio.file.Files.isDirectory(shm) && java.nio.file.Files.isWritable(shm)) {
      Path d = java.nio.file.Files.createTempDirectory(shm, "nrl-ckpt-test");
      created = d;
      return d;
    }
    return dir;
  }

  private Path created;

  @org.junit.jupiter.api.AfterEach
  void removeMemoryFolder() throws java.io.IOException {
    if (created != null) {
      try (var files = java.nio.file.Files.list(created)) {
        for (Path p : files.toList()) {
          java.nio.file.Files.delete(p);
        }
      }
      java.nio.file.Files.delete(created);
    }
  }

  private static void tick(ControlLoop loop, ManualNanoClock clock, long periodNs, int ticks) {
    for (int i = 0; i < ticks; i++) {
      loop.tick(clock.nanoTime());
      clock.advance(periodNs);
    }
  }

  /** Runs the loop with checkpoints; returns bytes allocated per window and checks files were written. */
  private long[] measureWithCheckpoints(ControlLoop loop, ManualNanoClock clock, Board board, Learner learner,
      LoopTelemetry telemetry, long periodNs, long everyEpisodes, long everyNs, boolean episodic) throws Exception {
    LoopState state = new LoopState(learner, loop, board, null, clock);
    CheckpointSlot slot = new CheckpointSlot(state.stateBytes());
    CheckpointStore store = new CheckpointStore(folder());
    CheckpointWriter writer = new CheckpointWriter(store, slot, 1, state.sectionBytes(), 3, m -> {});
    StateCapture capture = new StateCapture(state, loop, slot, telemetry.episodes(), clock, everyEpisodes, everyNs,
        episodic);
    capture.start();
    loop.captureStateWith(capture);
    writer.start();
    long[] takenBefore = new long[1];
    long[] bytes = AllocationWindows.measure(() -> {
      tick(loop, clock, periodNs, WARMUP_TICKS);
      takenBefore[0] = slot.taken();
    }, () -> tick(loop, clock, periodNs, WINDOW_TICKS));
    long takenInWindows = slot.taken() - takenBefore[0];
    writer.finish();

    assertTrue(takenInWindows >= 2, "snapshots copied in the measured windows: " + takenInWindows);
    assertTrue(slot.skipped() > 0, "snapshots skipped while the writer was busy: " + slot.skipped());
    assertTrue(writer.written() > 0, "files written");
    assertEquals(0, writer.failures());
    assertTrue(CheckpointStore.read(store.files().get(0)).valid(), "the newest file is a valid checkpoint");
    return bytes;
  }

  @Test
  void shouldAllocateNothingPerTickWhileCheckpointingEveryEpisodeOnCartPole() throws Exception {
    ManualNanoClock clock = new ManualNanoClock(0);
    Board board = SimRigs.create("cartpole", true, 0, 0, 7, clock);
    Learner learner = Learners.create(LearnerConfig.builder(4, 64, 2).form(CreditForm.EPISODIC).seed(7).build());
    LoopTelemetry telemetry = new LoopTelemetry(TickPhase.labels(), FaultKind.labels(), 100);
    EventRing events = new EventRing(256);
    board.start(events);
    long period = 20_000_000L;
    ControlLoop loop = new ControlLoop(LoopSettings.builder(period).rewards(1.0, 0, 500).build(), clock,
        new VirtualTimeIdle(clock), clock, board, learner, ObservationMap.identity(4),
        new ActionMap(new double[][] {{-10}, {10}}, new double[] {-10}, new double[] {10},
            new double[] {Double.POSITIVE_INFINITY}, new double[] {0}), events, telemetry);

    long[] bytes = measureWithCheckpoints(loop, clock, board, learner, telemetry, period, 1, 0, true);

    AllocationWindows.assertAtMostOneWindowAllocated(bytes, WINDOW_TICKS + "-tick windows with checkpoints");
  }

  @Test
  void shouldAllocateNothingPerTickWhileCheckpointingAtTickEndsOnTheRover() throws Exception {
    ManualNanoClock clock = new ManualNanoClock(0);
    Rover rover = new Rover(3, -1, 1, clock);
    Learner learner = Learners.create(LearnerConfig.builder(4, 32, 3).form(CreditForm.CONTINUING).traceDecay(0.9)
        .biases(true).seed(3).build());
    LoopTelemetry telemetry = new LoopTelemetry(TickPhase.labels(), FaultKind.labels(), 100);
    EventRing events = new EventRing(256);
    rover.start(events);
    long period = 50_000_000L;
    ControlLoop loop = new ControlLoop(LoopSettings.builder(period).rewards(0.0, 0, 0).build(), clock,
        new VirtualTimeIdle(clock), clock, rover, learner, ObservationMap.identity(4),
        new ActionMap(new double[][] {{0.25, 0.25}, {0.05, 0.25}, {0.25, 0.05}}, new double[] {-0.5, -0.5},
            new double[] {0.5, 0.5}, new double[] {0.1, 0.1}, new double[] {0, 0}), events, telemetry);

    long[] bytes = measureWithCheckpoints(loop, clock, rover, learner, telemetry, period, 0, 1_000_000_000L, false);

    AllocationWindows.assertAtMostOneWindowAllocated(bytes, WINDOW_TICKS + "-tick windows with checkpoints");
  }
}
