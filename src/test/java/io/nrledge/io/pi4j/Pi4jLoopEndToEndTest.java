package io.nrledge.io.pi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import io.nrledge.io.Board;
import io.nrledge.io.SystemNanoClock;
import io.nrledge.learner.CreditForm;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.Learners;
import io.nrledge.runtime.ActionMap;
import io.nrledge.runtime.ControlLoop;
import io.nrledge.runtime.EventRing;
import io.nrledge.runtime.FaultKind;
import io.nrledge.runtime.LoopSettings;
import io.nrledge.runtime.ObservationMap;
import io.nrledge.runtime.ParkIdle;
import io.nrledge.runtime.StopReason;
import io.nrledge.runtime.TickPhase;
import io.nrledge.telemetry.FaultRecord;
import io.nrledge.telemetry.LoopCounter;
import io.nrledge.telemetry.LoopTelemetry;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The control loop, in real time on its own thread, learning on the Pi4J mock board: bumper
 * edges become rewards inside the running loop, the learner's actions show up on the mock motor
 * PWM, direction pins and LED, a chip that stops answering trips the watchdog with a fault naming
 * its channel and the rig goes safe, and the stop leaves every actuator at its safe value.
 */
class Pi4jLoopEndToEndTest {
  /** Actions: motor forward, motor backward with LED on, coast. */
  private static final double[][] TABLE = {{0.5, 0, 0}, {-0.5, 0.5, 1}, {0, -0.5, 0}};
  /** Raw channels to roughly unit size: button, volts, volts, volts, volts, m/s², rad/s, counts. */
  private static final double[] SCALE = {1, 0.3, 0.3, 0.3, 0.3, 0.1, 1, 0.1};
  private static final double[] MIN = {-1e9, -1e9, -1e9, -1e9, -1e9, -1e9, -1e9, -1e9};
  private static final double[] MAX = {1e9, 1e9, 1e9, 1e9, 1e9, 1e9, 1e9, 1e9};

  @Test
  void shouldLearnOnTheMockBoardFromEdgeRewardsAndGoSafeWhenAChipFails() throws Exception {
    Pi4jBoard board = MockRig.board(SystemNanoClock.INSTANCE);
    EventRing events = new EventRing(256);
    LoopTelemetry telemetry = new LoopTelemetry(TickPhase.labels(), FaultKind.labels(), 100);
    ControlLoop loop = new ControlLoop(LoopSettings.builder(MockRig.PERIOD_NS).rewards(0.0, 0, 0).build(),
        SystemNanoClock.INSTANCE, new ParkIdle(SystemNanoClock.INSTANCE), SystemNanoClock.INSTANCE, board,
        Learners.create(LearnerConfig.builder(MockRig.CHANNELS, 8, 3).form(CreditForm.CONTINUING).traceDecay(0.9)
            .sigma(1.0).seed(11).build()),
        new ObservationMap(new double[MockRig.CHANNELS], SCALE, MIN, MAX), new ActionMap(TABLE, new double[] {-1, -1, 0},
            new double[] {1, 1, 1}, new double[] {2, 2, 2}, MockRig.SAFE), events, telemetry);
    board.start(events);
    Pwm motor = MockRig.pwm(board, 12);
    DigitalOutput forward = MockRig.output(board, 23);
    DigitalOutput backward = MockRig.output(board, 24);
    DigitalOutput led = MockRig.output(board, 22);
    Pwm servo = MockRig.pwm(board, 13);
    StopReason[] reason = new StopReason[1];
    Thread control = new Thread(() -> reason[0] = loop.run(), "control");
    control.start();
    try {
      Set<Integer> motorSeen = new HashSet<>();
      Set<DigitalState> ledSeen = new HashSet<>();
      for (int press = 0; press < 12; press++) { // a bumper pressed every 30 ms (beyond its 20 ms debounce)
        MockRig.set(board, 27, true);
        MockRig.set(board, 27, false);
        for (int i = 0; i < 30; i++) {
          Thread.sleep(1);
          int sign = forward.state() == DigitalState.HIGH ? 1 : backward.state() == DigitalState.HIGH ? -1 : 0;
          motorSeen.add(sign * MockRig.duty(motor));
          ledSeen.add(led.state());
        }
      }
      assertTrue(MockRig.eventually(() -> telemetry.get(LoopCounter.EVENTS) >= 12), "edges drained as rewards");
      assertEquals(0, telemetry.faultCount(FaultKind.SENSOR_TIMEOUT.ordinal())
          + telemetry.faultCount(FaultKind.SENSOR_FAILED.ordinal())
          + telemetry.faultCount(FaultKind.ACTUATOR_FAILED.ordinal()), "no device fault so far");
      assertTrue(Set.of(50, -50, 0).containsAll(motorSeen), "only the table's motor commands: " + motorSeen);
      assertTrue(motorSeen.size() >= 2, "the learner's actions moved the motor: " + motorSeen + " led " + ledSeen + " ticks "
          + telemetry.get(LoopCounter.TICKS));
      assertEquals(Set.of(DigitalState.HIGH, DigitalState.LOW), ledSeen, "the LED followed the actions");

      board.world().unplug("sensors[1]"); // the ADS1115 stops answering

      assertTrue(MockRig.eventually(() -> telemetry.faultCount(FaultKind.SENSOR_FAILED.ordinal()) > 0));
      FaultRecord fault = new FaultRecord();
      assertTrue(telemetry.readLastFault(fault));
      assertEquals(FaultKind.SENSOR_FAILED.ordinal(), fault.kind);
      assertEquals(1, fault.channel, "the ADS1115's first raw channel");
      assertTrue(MockRig.eventually(() -> MockRig.duty(motor) == 0 && led.state() == DigitalState.LOW
          && MockRig.duty(servo) == 8), "safe state: motor off, LED off, servo at its safe 1500 us (8 % at 50 Hz)");
    } finally {
      loop.requestStop();
      control.join(5_000);
    }
    assertFalse(control.isAlive());
    assertTrue(loop.safeAtExit());

    Board.StopReport report = board.stop();

    assertTrue(report.safe(), report.problems().toString());
    assertArrayEquals(MockRig.SAFE, report.appliedAtExit(), MockRig.SERVO_HALF_STEP);
    assertEquals(0, MockRig.duty(motor));
    assertEquals(DigitalState.LOW, forward.state());
    assertEquals(DigitalState.LOW, backward.state());
    assertEquals(DigitalState.LOW, led.state());
  }
}
