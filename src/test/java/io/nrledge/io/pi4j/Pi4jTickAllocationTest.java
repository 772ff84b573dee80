package io.nrledge.io.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.io.SystemNanoClock;
import io.nrledge.learner.CreditForm;
import io.nrledge.learner.Learner;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.Learners;
import io.nrledge.runtime.ActionMap;
import io.nrledge.runtime.ControlLoop;
import io.nrledge.runtime.EventRing;
import io.nrledge.runtime.FaultKind;
import io.nrledge.runtime.LoopSettings;
import io.nrledge.runtime.ObservationMap;
import io.nrledge.runtime.SpinIdle;
import io.nrledge.runtime.TickPhase;
import io.nrledge.telemetry.LoopCounter;
import io.nrledge.telemetry.LoopTelemetry;
import io.nrledge.testing.AllocationWindows;
import org.junit.jupiter.api.Test;

/**
 * A whole tick on the Pi4J mock board — sensors read from the I/O thread's slots, the learner,
 * actuator commands published to the I/O thread, GPIO-edge rewards drained — allocates nothing on
 * the control thread once warm, while the I/O thread samples every chip through Pi4J and another
 * thread presses the bumper.
 */
class Pi4jTickAllocationTest {
  private static final int WARMUP_TICKS = 60_000;
  private static final int WINDOW_TICKS = 10_000;

  @Test
  void shouldAllocateNothingPerTickWithTheSamplerRunning() throws InterruptedException {
    Pi4jBoard board = MockRig.board(SystemNanoClock.INSTANCE);
    EventRing events = new EventRing(1024);
    Learner learner = Learners.create(LearnerConfig.builder(MockRig.CHANNELS, 16, 3).form(CreditForm.CONTINUING)
        .traceDecay(0.9).seed(5).build());
    LoopTelemetry telemetry = new LoopTelemetry(TickPhase.labels(), FaultKind.labels(), 100);
    long period = MockRig.PERIOD_NS;
    Thread bumper = new Thread(() -> {
      boolean high = true;
      while (!Thread.currentThread().isInterrupted()) {
        MockRig.set(board, 27, high = !high);
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bumper");
    try {
      board.start(events);
      ControlLoop loop = new ControlLoop(LoopSettings.builder(period).rewards(0.0, 0, 0).build(), SystemNanoClock.INSTANCE,
          new SpinIdle(SystemNanoClock.INSTANCE), SystemNanoClock.INSTANCE, board, learner,
          ObservationMap.identity(MockRig.CHANNELS),
          new ActionMap(new double[][] {{0.5, 0, 0}, {-0.5, 0.5, 1}, {0, -0.5, 0}}, new double[] {-1, -1, 0},
              new double[] {1, 1, 1}, new double[] {2, 2, 1}, MockRig.SAFE), events, telemetry);
      bumper.start();

      // warm-up: at least WARMUP_TICKS and longer than the stand-in world's slowest wave (2 s), so
      // the threshold event on channel 1 has fired and re-armed (first firings deoptimize once)
      long[] bytes = AllocationWindows.measure(() -> {
        long end = System.nanoTime() + 3_000_000_000L;
        do {
          tick(loop, WARMUP_TICKS / 10);
        } while (System.nanoTime() - end < 0 || loop.ticks() < WARMUP_TICKS);
      }, () -> tick(loop, WINDOW_TICKS));

      AllocationWindows.assertAtMostOneWindowAllocated(bytes, WINDOW_TICKS + "-tick windows");
      assertEquals(0, telemetry.get(LoopCounter.FAULTS), "no sample went stale or failed");
      assertTrue(telemetry.get(LoopCounter.EVENTS) > 10, "bumper edges were drained as rewards");
    } finally {
      bumper.interrupt();
      bumper.join();
      board.stop();
    }
  }

  private static void tick(ControlLoop loop, int ticks) {
    for (int i = 0; i < ticks; i++) {
      loop.tick(System.nanoTime());
    }
  }
}
