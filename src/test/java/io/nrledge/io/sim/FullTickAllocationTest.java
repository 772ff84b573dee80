package io.nrledge.io.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.io.Board;
import io.nrledge.learner.CreditForm;
import io.nrledge.learner.Learner;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.Learners;
import io.nrledge.runtime.ActionMap;
import io.nrledge.runtime.ControlLoop;
import io.nrledge.runtime.EventRing;
import io.nrledge.runtime.FaultKind;
import io.nrledge.runtime.LoopSettings;
import io.nrledge.io.ManualNanoClock;
import io.nrledge.runtime.ObservationMap;
import io.nrledge.runtime.TickPhase;
import io.nrledge.runtime.VirtualTimeIdle;
import io.nrledge.telemetry.LoopCounter;
import io.nrledge.telemetry.LoopTelemetry;
import io.nrledge.telemetry.McapReader;
import io.nrledge.telemetry.RunLog;
import io.nrledge.telemetry.RunRecorder;
import io.nrledge.telemetry.TelemetryWriter;
import io.nrledge.testing.AllocationWindows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinylog.configuration.Configuration;

/**
 * A whole tick — simulated board, NRL learner, event drain, telemetry — allocates nothing once
 * warm (see {@link AllocationWindows} for the VM's one-off deoptimization allocation).
 */
class FullTickAllocationTest {
  private static final int WARMUP_TICKS = 200_000;
  private static final int WINDOW_TICKS = 10_000;

  /** Bytes allocated per 10k-tick window after warm-up, all through one loop. */
  private static long[] bytesPerWindowAfterWarmUp(ControlLoop loop, ManualNanoClock clock, long periodNs) {
    return AllocationWindows.measure(() -> tick(loop, clock, periodNs, WARMUP_TICKS),
        () -> tick(loop, clock, periodNs, WINDOW_TICKS));
  }

  private static void tick(ControlLoop loop, ManualNanoClock clock, long periodNs, int ticks) {
    for (int i = 0; i < ticks; i++) {
      loop.tick(clock.nanoTime());
      clock.advance(periodNs);
    }
  }

  private static ControlLoop loop(LoopSettings settings, ManualNanoClock clock, Board board, Learner learner,
      ActionMap actions, EventRing events, LoopTelemetry telemetry) {
    board.start(events);
    return new ControlLoop(settings, clock, new VirtualTimeIdle(clock), clock, board, learner,
        ObservationMap.identity(board.sensors().channels()), actions, events, telemetry);
  }

  @Test
  void shouldAllocateNothingPerTickOnTheCartPoleRigWithAnEpisodicNrlLearner() {
    ManualNanoClock clock = new ManualNanoClock(0);
    Board board = SimRigs.create("cartpole", true, 0, 0, 7, clock);
    Learner learner = Learners.create(LearnerConfig.builder(4, 64, 2).form(CreditForm.EPISODIC).seed(7).build());
    LoopTelemetry telemetry = new LoopTelemetry(TickPhase.labels(), FaultKind.labels(), 100);
    EventRing events = new EventRing(256);
    long period = 20_000_000L;
    ControlLoop loop = loop(LoopSettings.builder(period).rewards(1.0, 0, 500).build(), clock, board,
        learner, new ActionMap(new double[][] {{-10}, {10}}, new double[] {-10}, new double[] {10},
            new double[] {Double.POSITIVE_INFINITY}, new double[] {0}), events, telemetry);

    long[] bytes = bytesPerWindowAfterWarmUp(loop, clock, period);

    AllocationWindows.assertAtMostOneWindowAllocated(bytes, WINDOW_TICKS + "-tick windows");
    assertTrue(telemetry.get(LoopCounter.EVENTS) > 100, "the terminal switch posted events that were drained");
    assertEquals(0, telemetry.get(LoopCounter.FAULTS));
  }

  @Test
  void shouldAllocateNothingPerTickOnTheRoverWithAContinuingLearnerAndLateRewards() {
    ManualNanoClock clock = new ManualNanoClock(0);
    Rover rover = new Rover(3, -1, 1, clock);
    Learner learner = Learners.create(LearnerConfig.builder(4, 32, 3).form(CreditForm.CONTINUING).traceDecay(0.9)
        .biases(true).seed(3).build());
    LoopTelemetry telemetry = new LoopTelemetry(TickPhase.labels(), FaultKind.labels(), 100);
    EventRing events = new EventRing(256);
    long period = 50_000_000L;
    ControlLoop loop = loop(LoopSettings.builder(period).rewards(0.0, 0, 0).build(), clock, rover,
        learner, new ActionMap(new double[][] {{0.25, 0.25}, {0.05, 0.25}, {0.25, 0.05}}, new double[] {-0.5, -0.5},
            new double[] {0.5, 0.5}, new double[] {0.1, 0.1}, new double[] {0, 0}), events, telemetry);

    long[] bytes = bytesPerWindowAfterWarmUp(loop, clock, period);

    AllocationWindows.assertAtMostOneWindowAllocated(bytes, WINDOW_TICKS + "-tick windows");
    assertTrue(rover.bumps() > 0, "the bumper fired");
  }

  @Test
  void shouldAllocateNothingPerTickWhileRecordingTelemetryWithTheWriterAndTinylogRunning(@TempDir Path dir)
      throws Exception {
    if (!Configuration.isFrozen()) { // else an earlier test configured tinylog: it is running either way
      Configuration.replace(Map.of("writingthread", "true", "writer", "file",
          "writer.file", dir.resolve("test.log").toString()));
    }
    RunLog.info("tinylog is live with its writing thread while the loop ticks");
    ManualNanoClock clock = new ManualNanoClock(0);
    Board board = SimRigs.create("cartpole", true, 0, 0, 7, clock);
    Learner learner = Learners.create(LearnerConfig.builder(4, 64, 2).form(CreditForm.EPISODIC).seed(7).build());
    LoopTelemetry telemetry = new LoopTelemetry(TickPhase.labels(), FaultKind.labels(), 100);
    RunRecorder recorder = new RunRecorder(4);
    telemetry.attach(recorder);
    Path run = dir.resolve("run");
    TelemetryWriter writer = new TelemetryWriter(recorder, new TelemetryWriter.Settings(run, run, 1L << 30,
        1L << 30, 100_000_000L, Map.of("profile", "alloc"), String.join(",", FaultKind.labels()),
        String.join(",", TickPhase.labels()))).start();
    EventRing events = new EventRing(256);
    long period = 20_000_000L;
    ControlLoop loop = loop(LoopSettings.builder(period).rewards(1.0, 0, 500).build(), clock, board,
        learner, new ActionMap(new double[][] {{-10}, {10}}, new double[] {-10}, new double[] {10},
            new double[] {Double.POSITIVE_INFINITY}, new double[] {0}), events, telemetry);

    long[] bytes = bytesPerWindowAfterWarmUp(loop, clock, period);
    writer.close();

    AllocationWindows.assertAtMostOneWindowAllocated(bytes, WINDOW_TICKS + "-tick windows with telemetry recorded");
    long ticks = WARMUP_TICKS + AllocationWindows.WINDOWS * WINDOW_TICKS;
    Map<String, Long> byTopic = new java.util.HashMap<>();
    try (Stream<Path> files = Files.list(run)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".mcap")).toList()) {
        McapReader.read(f, (c, seq, t, d) -> byTopic.merge(c.topic(), 1L, Long::sum));
      }
    }
    assertEquals(ticks - recorder.ticks().dropped(), byTopic.get("/tick"), "every tick recorded was written");
    assertEquals(telemetry.episodes().episodes() - recorder.events().dropped(), byTopic.get("/episode"),
        "every episode recorded was written");
    assertEquals(recorder.ticks().dropped() > 0, byTopic.getOrDefault("/gap", 0L) > 0, "drops are marked");
  }
}
