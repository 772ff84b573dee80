package io.nrledge.runtime;

import static io.nrledge.runtime.LoopFixture.PERIOD_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.io.IoStatus;
import io.nrledge.telemetry.LoopCounter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlLoopTimingTest {

  private static LoopFixture fixture(long ticks) {
    return new LoopFixture(LoopFixture.settings().maxTicks(ticks).watchdog(3, 4).build(), 0);
  }

  @Test
  void shouldStartEveryTickOnItsAbsoluteDeadline() {
    LoopFixture f = fixture(5);
    f.board.readCostNs = 3_000_000L;

    assertEquals(StopReason.TICK_BUDGET, f.loop.run());

    assertEquals(List.of(0L, PERIOD_NS, 2 * PERIOD_NS, 3 * PERIOD_NS, 4 * PERIOD_NS), f.board.readTimesNs);
    assertEquals(0, f.telemetry.get(LoopCounter.OVERRUNS));
    assertEquals(5, f.learner.steps);
  }

  @Test
  void shouldSkipMissedPeriodsAfterOverrunInsteadOfBursting() {
    LoopFixture f = fixture(3);
    f.board.readCostsNs.add(25_000_000L); // the first tick spans two and a half periods

    f.loop.run();

    assertEquals(List.of(0L, 3 * PERIOD_NS, 4 * PERIOD_NS), f.board.readTimesNs);
    assertEquals(1, f.telemetry.get(LoopCounter.OVERRUNS));
    assertEquals(2, f.telemetry.get(LoopCounter.SKIPPED_PERIODS));
  }

  @Test
  void shouldRecordSkippedPeriodsAsTheLatenessTheyCaused() {
    LoopFixture f = fixture(3);
    f.board.readCostsNs.add(25_000_000L); // deadlines at 10 and 20 ms are skipped; the next tick starts at 30

    f.loop.run();

    org.HdrHistogram.Histogram late = f.telemetry.snapshot().latenessNs();
    assertEquals(5, late.getTotalCount(), "three ticks and two skipped periods");
    assertEquals(3, late.getCountAtValue(0));
    assertEquals(1, late.getCountBetweenValues(9_990_000L, 10_010_000L), "the 20 ms deadline, served at 30 ms");
    assertEquals(1, late.getCountBetweenValues(19_980_000L, 20_020_000L), "the 10 ms deadline, served at 30 ms");
  }

  @Test
  void shouldNotCountATickThatEndsExactlyOnTheNextDeadlineAsOverrun() {
    LoopFixture f = fixture(2);
    f.board.readCostNs = PERIOD_NS;

    f.loop.run();

    assertEquals(List.of(0L, PERIOD_NS), f.board.readTimesNs);
    assertEquals(0, f.telemetry.get(LoopCounter.OVERRUNS));
  }

  @Test
  void shouldGoSafeAfterExactlyTheConfiguredConsecutiveOverruns() {
    LoopFixture f = fixture(8);
    for (int i = 0; i < 2; i++) {
      f.board.readCostsNs.add(15_000_000L);
    }
    f.board.readCostsNs.add(0L); // an on-time tick breaks the streak
    for (int i = 0; i < 3; i++) {
      f.board.readCostsNs.add(15_000_000L);
    }

    f.loop.run();

    assertEquals(5, f.telemetry.get(LoopCounter.OVERRUNS));
    assertEquals(1, f.faults(FaultKind.OVERRUNS));
    assertEquals(2, f.board.safeWrites - f.telemetry.get(LoopCounter.SAFE_TICKS),
        "safe values written once on the trip and once at exit");
    assertEquals(2, f.telemetry.get(LoopCounter.SAFE_TICKS));
    assertEquals(6, f.learner.steps, "the learner is frozen in safe state");
  }

  @Test
  void shouldRecoverAfterTheConfiguredHealthyTicksAndStartANewEpisode() {
    LoopFixture f = fixture(10);
    f.board.readCostsNs.add(0L);
    f.board.readCostsNs.add(0L);
    f.loop.tick(0);
    f.loop.tick(PERIOD_NS);
    f.board.status = IoStatus.TIMEOUT;
    f.loop.tick(2 * PERIOD_NS);
    f.board.status = IoStatus.OK;
    for (int t = 3; t < 6; t++) {
      f.loop.tick(t * PERIOD_NS); // three healthy ticks of the four needed
    }
    assertEquals(2, f.learner.steps);
    assertEquals(1, f.faults(FaultKind.SENSOR_TIMEOUT));

    f.loop.tick(6 * PERIOD_NS);

    assertEquals(3, f.learner.steps);
    assertEquals(1, f.telemetry.get(LoopCounter.RECOVERIES));
    assertEquals(1, f.learner.episodesDiscarded, "the interrupted episode is discarded");
    assertEquals(0, f.learner.episodesEnded, "no update from its partial return");
    assertEquals(0, f.telemetry.episodes().episodes(), "but not counted");
    assertEquals(1, f.board.resets);
  }

  @Test
  void shouldCountOneFaultPerSafeStateEntryNotPerFailingTick() {
    LoopFixture f = fixture(10);
    f.board.status = IoStatus.FAILED;

    f.loop.run();

    assertEquals(1, f.faults(FaultKind.SENSOR_FAILED));
    assertEquals(10, f.telemetry.get(LoopCounter.SAFE_TICKS));
    assertEquals(0, f.learner.steps);
    assertTrue(f.board.writes.isEmpty());
  }

  @Test
  void shouldGoSafeOnNonFiniteOrOutOfRangeObservations() {
    LoopFixture f = fixture(1);
    f.board.value = Double.NaN;
    f.loop.tick(0);
    assertEquals(1, f.faults(FaultKind.BAD_OBSERVATION));
    assertEquals(0, f.learner.steps);
  }

  @Test
  void shouldLatchAndStopOnNonFiniteWeights() {
    LoopFixture f = fixture(100);
    f.learner.finite = false;

    assertEquals(StopReason.LATCHED_FAULT, f.loop.run());

    assertEquals(1, f.loop.ticks());
    assertEquals(1, f.faults(FaultKind.NON_FINITE_WEIGHTS));
    assertEquals(2, f.board.safeWrites, "on the trip and at exit");
    assertTrue(f.loop.safeAtExit());
  }

  @Test
  void shouldUseTheCleanPolicyAndNeverTrainInEvalMode() {
    LoopFixture f = new LoopFixture(LoopFixture.settings().mode(Mode.EVAL)
        .rewards(1.0, 0, 3).maxTicks(7).build(), 0);

    f.loop.run();

    assertEquals(0, f.learner.steps);
    assertEquals(7, f.learner.acts);
    assertTrue(f.learner.credits.isEmpty());
    assertEquals(0, f.learner.episodesEnded);
    assertEquals(2, f.telemetry.episodes().episodes());
    assertEquals(3.0, f.telemetry.episodes().lastReturn());
  }

  @Test
  void shouldEndEpisodesAtTheTimeLimitWithThePerTickReturn() {
    LoopFixture f = new LoopFixture(LoopFixture.settings().rewards(1.0, 0, 4)
        .maxEpisodes(3).build(), 0);

    assertEquals(StopReason.EPISODE_BUDGET, f.loop.run());

    assertEquals(12, f.loop.ticks());
    assertEquals(3, f.learner.episodesEnded);
    assertEquals(12, f.learner.credits.size());
    assertEquals(4.0, f.telemetry.episodes().movingAverage());
    assertFalse(f.telemetry.episodes().windowFull());
  }
}
