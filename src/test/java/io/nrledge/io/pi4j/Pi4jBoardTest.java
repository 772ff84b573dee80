package io.nrledge.io.pi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import io.nrledge.io.Board;
import io.nrledge.io.EventKind;
import io.nrledge.io.IoStatus;
import io.nrledge.io.SystemNanoClock;
import io.nrledge.runtime.EventRing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Pi4J board on the mock platform: each device kind through its real register layout, pins and timing. */
class Pi4jBoardTest {
  private final EventRing events = new EventRing(64);
  private final Pi4jBoard board = MockRig.board(SystemNanoClock.INSTANCE);
  private final double[] raw = new double[MockRig.CHANNELS];

  @AfterEach
  void stop() {
    board.stop();
  }

  private List<double[]> drain() {
    List<double[]> got = new ArrayList<>();
    events.drain((kind, value, t) -> got.add(new double[] {kind.ordinal(), value}));
    return got;
  }

  @Test
  void shouldReadEveryDeviceKindThroughTheStandInWorld() {
    board.start(events);
    MockRig.set(board, 17, false); // button pressed (active low)

    assertTrue(MockRig.eventually(() -> board.sensors().read(raw) == IoStatus.OK && raw[0] == 1.0),
        "status " + board.sensors().read(raw) + " channel " + board.sensors().failedChannel());
    for (int ch : new int[] {1, 2}) {
      assertTrue(raw[ch] > 0 && raw[ch] < 3.3, "ADS1115 volts " + raw[ch]);
    }
    for (int ch : new int[] {3, 4}) {
      assertTrue(raw[ch] > 0 && raw[ch] < 3.3, "MCP3008 volts " + raw[ch]);
    }
    assertEquals(9.8, raw[5], 0.1, "a flat IMU measures 1 g on z once woken");
    assertTrue(Math.abs(raw[6]) < 0.5, "gyro x rad/s " + raw[6]);
  }

  @Test
  void shouldCountQuadratureEdgesWithTheirDirection() {
    board.start(events);
    MockRig.set(board, 5, false);
    MockRig.set(board, 6, false);
    assertEquals(IoStatus.OK, board.sensors().read(raw), () -> "channel " + board.sensors().failedChannel());
    double start = raw[7];
    for (int i = 0; i < 3; i++) { // forward: A leads B, two counted A edges per cycle
      MockRig.set(board, 5, true);
      MockRig.set(board, 6, true);
      MockRig.set(board, 5, false);
      MockRig.set(board, 6, false);
    }
    board.sensors().read(raw);
    double forward = raw[7] - start;
    MockRig.set(board, 6, true); // backward: B leads A
    MockRig.set(board, 5, true);
    board.sensors().read(raw);

    assertEquals(6, forward);
    assertEquals(5, raw[7] - start);
  }

  @Test
  void shouldDriveTheHBridgeAndLedFromTheCommands() {
    board.start(events);
    assertEquals(IoStatus.OK, board.actuators().write(new double[] {0.5, 0, 1}));
    assertTrue(MockRig.eventually(() -> MockRig.output(board, 22).state() == DigitalState.HIGH));
    assertEquals(50, MockRig.duty(MockRig.pwm(board, 12)));
    assertEquals(DigitalState.HIGH, MockRig.output(board, 23).state());
    assertEquals(DigitalState.LOW, MockRig.output(board, 24).state());

    board.actuators().write(new double[] {-0.25, 0, 0});
    assertTrue(MockRig.eventually(() -> MockRig.output(board, 22).state() == DigitalState.LOW));
    assertEquals(25, MockRig.duty(MockRig.pwm(board, 12)));
    assertEquals(DigitalState.LOW, MockRig.output(board, 23).state());
    assertEquals(DigitalState.HIGH, MockRig.output(board, 24).state());
  }

  @Test
  void shouldKeepTheServoPulseWithinItsLimitsInWholePercentSteps() {
    board.start(events);
    board.actuators().write(new double[] {0, 1, 0});
    assertTrue(MockRig.eventually(() -> MockRig.duty(MockRig.pwm(board, 13)) == 10), "2000 us of 20 ms");
    board.actuators().write(new double[] {0, -5, 0});
    assertTrue(MockRig.eventually(() -> MockRig.duty(MockRig.pwm(board, 13)) == 5), "clamped to 1000 us");
    double[] applied = new double[3];
    assertTrue(board.actuators().readBack(applied));
    assertArrayEquals(new double[] {0, -1, 0}, applied, 1e-9);
  }

  @Test
  void shouldPostOneRewardPerDebouncedEdgeAndTerminalOnTheLimitSwitch() throws InterruptedException {
    board.start(events);
    drain();
    MockRig.set(board, 27, true);
    MockRig.set(board, 27, false);
    MockRig.set(board, 27, true);
    MockRig.set(board, 27, false); // bounce within 20 ms: ignored
    Thread.sleep(30);
    MockRig.set(board, 27, true);
    MockRig.set(board, 27, false);
    MockRig.set(board, 26, true);

    List<double[]> got = drain();
    assertEquals(3, got.size());
    assertArrayEquals(new double[] {EventKind.REWARD.ordinal(), -1}, got.get(0));
    assertArrayEquals(new double[] {EventKind.REWARD.ordinal(), -1}, got.get(1));
    assertArrayEquals(new double[] {EventKind.TERMINAL.ordinal(), 0}, got.get(2));
  }

  @Test
  void shouldFailTheChannelsOfAChipThatStopsAnswering() {
    board.start(events);
    board.world().unplug("sensors[2]");

    assertTrue(MockRig.eventually(() -> board.sensors().read(raw) == IoStatus.FAILED));
    assertEquals(3, board.sensors().failedChannel(), "the MCP3008's first channel");
    assertEquals("sensors[2]", board.sensorKey(3));
  }

  @Test
  void shouldReportASampleOlderThanItsMaxAgeAsATimeoutOfItsChannel() {
    long[] aheadNs = {0};
    Pi4jBoard late = MockRig.board(() -> System.nanoTime() + aheadNs[0]);
    try {
      late.start(events);
      MockRig.set(late, 17, true);
      assertTrue(MockRig.eventually(() -> late.sensors().read(raw) == IoStatus.OK));
      aheadNs[0] = 1_000_000_000L; // the loop's clock is a second ahead of the last samples

      assertEquals(IoStatus.TIMEOUT, late.sensors().read(raw));
      assertEquals(0, late.sensors().failedChannel());
    } finally {
      late.stop();
    }
  }

  @Test
  void shouldLeaveEveryActuatorSafeAndReportItOnStop() {
    board.start(events);
    board.actuators().write(new double[] {1, 1, 1});
    com.pi4j.io.pwm.Pwm motor = MockRig.pwm(board, 12);
    assertTrue(MockRig.eventually(() -> MockRig.duty(motor) == 100));

    Board.StopReport report = board.stop();

    assertTrue(report.safe(), report.problems().toString());
    assertArrayEquals(MockRig.SAFE, report.appliedAtExit(), MockRig.SERVO_HALF_STEP,
        "the servo's safe 1500 us falls between two whole-percent duties at 50 Hz");
    assertEquals(0, MockRig.duty(motor), "the motor stopped");
    assertTrue(board.platform().context.isShutdown());
  }
}
