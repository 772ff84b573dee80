package io.nrledge.runtime;

import static io.nrledge.runtime.LoopFixture.PERIOD_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.io.EventKind;
import io.nrledge.io.IoStatus;
import io.nrledge.telemetry.FaultRecord;
import io.nrledge.telemetry.LoopCounter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Devices and learners that throw: the loop turns each throw into a fault and keeps its cadence. */
class FaultBoundaryTest {

  private static LoopFixture fixture(long ticks, int recoverAfterTicks) {
    return new LoopFixture(LoopFixture.settings().maxTicks(ticks).watchdog(3, recoverAfterTicks).build(), 0);
  }

  private static List<Long> schedule(int ticks) {
    List<Long> times = new ArrayList<>();
    for (int t = 0; t < ticks; t++) {
      times.add(t * PERIOD_NS);
    }
    return times;
  }

  private static FaultRecord lastFault(LoopFixture f) {
    FaultRecord r = new FaultRecord();
    assertTrue(f.telemetry.readLastFault(r), "a fault was published");
    return r;
  }

  @Test
  void shouldTurnAThrowingSensorIntoASensorFaultAndRecover() {
    LoopFixture f = fixture(10, 3);
    IllegalStateException broken = new IllegalStateException("i2c bus: remote I/O error");
    f.board.readThrows = broken;
    f.board.failedChannel = 1;
    f.loop.tick(0);
    f.board.readThrows = null;
    for (int t = 1; t < 5; t++) {
      f.loop.tick(t * PERIOD_NS);
    }

    assertEquals(1, f.faults(FaultKind.SENSOR_FAILED));
    FaultRecord r = lastFault(f);
    assertEquals(FaultKind.SENSOR_FAILED.ordinal(), r.kind);
    assertEquals(TickPhase.READ.ordinal(), r.phase);
    assertEquals(1, r.channel);
    assertEquals(0, r.tick);
    assertSame(broken, r.cause);
    assertEquals(1, f.telemetry.get(LoopCounter.DEVICE_EXCEPTIONS));
    assertEquals(1, f.telemetry.get(LoopCounter.RECOVERIES), "recovered after three healthy ticks");
    assertEquals(2, f.learner.steps, "learning resumed on the fourth tick after the fault");
  }

  @Test
  void shouldKeepItsCadenceWhileASensorThrowsEveryTick() {
    LoopFixture f = fixture(6, 3);
    f.board.readThrows = new IllegalStateException("spi: timed out");

    assertEquals(StopReason.TICK_BUDGET, f.loop.run());

    assertEquals(schedule(6), f.board.readTimesNs);
    assertEquals(1, f.faults(FaultKind.SENSOR_FAILED));
    assertEquals(6, f.telemetry.get(LoopCounter.SAFE_TICKS));
    assertEquals(6, f.telemetry.get(LoopCounter.DEVICE_EXCEPTIONS));
    assertEquals(0, f.learner.steps);
  }

  @Test
  void shouldTurnAThrowingActuatorIntoAnActuatorFaultWithItsChannel() {
    LoopFixture f = fixture(4, 0);
    IllegalArgumentException broken = new IllegalArgumentException("pwm: duty cycle out of range");
    f.board.writeThrows = broken;
    f.board.failedChannel = 0;

    assertEquals(StopReason.LATCHED_FAULT, f.loop.run(), "recover-after-ticks 0 latches");

    FaultRecord r = lastFault(f);
    assertEquals(FaultKind.ACTUATOR_FAILED.ordinal(), r.kind);
    assertEquals(TickPhase.WRITE.ordinal(), r.phase);
    assertEquals(0, r.channel);
    assertSame(broken, r.cause);
    assertTrue(f.loop.safeAtExit());
  }

  @Test
  void shouldReportAFailedActuatorStatusLikeAThrow() {
    LoopFixture f = fixture(2, 5);
    f.board.writeStatus = IoStatus.FAILED;
    f.board.failedChannel = 0;

    f.loop.run();

    FaultRecord r = lastFault(f);
    assertEquals(FaultKind.ACTUATOR_FAILED.ordinal(), r.kind);
    assertEquals(null, r.cause);
    assertEquals(0, f.telemetry.get(LoopCounter.DEVICE_EXCEPTIONS));
  }

  @Test
  void shouldCountSafeWritesThatThrowAndReportTheStopAsUnsafe() {
    LoopFixture f = fixture(3, 5);
    f.board.status = IoStatus.FAILED;
    f.board.safeThrows = new IllegalStateException("gpio chip gone");

    assertEquals(StopReason.TICK_BUDGET, f.loop.run());

    assertEquals(schedule(3), f.board.readTimesNs);
    assertEquals(f.board.safeWrites, f.telemetry.get(LoopCounter.SAFE_WRITE_FAILURES),
        "every safe write failed and each was counted");
    assertFalse(f.loop.safeAtExit());
  }

  @Test
  void shouldReportASafeWriteThatReturnsFailedAsUnsafeAtExit() {
    LoopFixture f = fixture(2, 5);
    f.board.safeStatus = IoStatus.TIMEOUT;

    f.loop.run();

    assertEquals(1, f.telemetry.get(LoopCounter.SAFE_WRITE_FAILURES), "only the exit write was a safe write");
    assertFalse(f.loop.safeAtExit());
  }

  @Test
  void shouldLatchWhenTheLearnerThrowsDuringAStep() {
    LoopFixture f = fixture(100, 1);
    IllegalStateException broken = new IllegalStateException("learner bug");
    f.learner.stepThrows = broken;

    assertEquals(StopReason.LATCHED_FAULT, f.loop.run());

    assertEquals(1, f.loop.ticks());
    FaultRecord r = lastFault(f);
    assertEquals(FaultKind.LEARNER_FAILED.ordinal(), r.kind);
    assertEquals(TickPhase.LEARN.ordinal(), r.phase);
    assertSame(broken, r.cause);
    assertTrue(f.board.writes.isEmpty(), "no command from a learner that threw");
    assertTrue(f.loop.safeAtExit());
  }

  @Test
  void shouldLatchWhenTheLearnerThrowsWhileTakingAReward() {
    LoopFixture f = new LoopFixture(LoopFixture.settings().maxTicks(100).rewards(1.0, 0, 0).build(), 0);
    f.learner.rewardThrows = new ArithmeticException("overflow");

    assertEquals(StopReason.LATCHED_FAULT, f.loop.run());

    assertEquals(1, f.faults(FaultKind.LEARNER_FAILED));
    assertEquals(TickPhase.REWARD.ordinal(), lastFault(f).phase);
  }

  @Test
  void shouldFaultOnAThrowingEpisodeResetAndRecover() {
    LoopFixture f = new LoopFixture(LoopFixture.settings().maxTicks(20).watchdog(3, 2).build(), 0);
    f.board.resetThrows = new IllegalStateException("plant reset failed");
    f.events.post(EventKind.TERMINAL, 0, 0);
    f.loop.tick(0);
    f.board.resetThrows = null;
    for (int t = 1; t < 4; t++) {
      f.loop.tick(t * PERIOD_NS);
    }

    assertEquals(1, f.faults(FaultKind.RESET_FAILED));
    assertEquals(1, f.telemetry.get(LoopCounter.RECOVERIES));
    assertEquals(2, f.board.resets, "the failed reset is retried on recovery");
    assertEquals(3, f.learner.steps, "the tick before the reset, then two ticks after recovery");
  }

  @Test
  void shouldStillWriteSafeValuesWhenTheLoopDiesOfAVirtualMachineError() {
    LoopFixture f = fixture(10, 3);
    f.board.readError = new StackOverflowError();

    assertThrows(StackOverflowError.class, f.loop::run, "a VM error is not a device fault: it escapes");

    assertEquals(1, f.board.safeWrites, "safe values written on the way out");
    assertTrue(f.loop.safeAtExit());
  }
}
