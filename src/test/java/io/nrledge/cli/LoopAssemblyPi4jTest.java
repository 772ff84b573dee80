package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.io.Board;
import io.nrledge.io.pi4j.Pi4jBoard;
import io.nrledge.profiles.DeviceProfile;
import io.nrledge.profiles.Hardware;
import io.nrledge.profiles.ProfileException;
import io.nrledge.profiles.ProfileLoader;
import io.nrledge.runtime.FaultKind;
import io.nrledge.runtime.StopReason;
import io.nrledge.telemetry.LoopCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cli wires a real-board profile into a loop on the Pi4J board (here on the mock platform),
 * with the profile's safe values and period, and refuses what such a rig cannot do. Built from
 * {@link Hardware} records directly: hardware sections do not parse on this branch yet.
 */
class LoopAssemblyPi4jTest {
  private static final long PERIOD_NS = 10_000_000L;
  /** Generous: a loaded CI machine may stall the I/O thread for tens of milliseconds. */
  private static final long MAX_AGE_NS = 500_000_000L;

  private static DeviceProfile realBoard(String time, long dryRunTicks) {
    DeviceProfile base = ProfileLoader.loadEmbeddedDefault();
    DeviceProfile.LearnerSettings l = base.learner();
    DeviceProfile.LearnerSettings learner = new DeviceProfile.LearnerSettings(new int[] {8}, l.rule(), l.learningRate(),
        l.sigma(), l.baselineRate(), 0.9, l.biases(), l.fanOut(), l.rewardHistorySteps(), l.probesPerLayer(), 0L, 0.0, 1,
        0.0, 0.99, 0.0, 0, false);
    Hardware hardware = new Hardware(Hardware.BoardModel.RASPBERRY_PI_5,
        List.of(new Hardware.DigitalInput("sensors[0]", 17, Hardware.Pull.UP, true, MAX_AGE_NS),
            new Hardware.Ads1115("sensors[1]", 1, 0x48, new int[] {0, 1, 2}, 4.096, MAX_AGE_NS)),
        List.of(new Hardware.PwmMotor("actuators[0]", 18, 23, 24, 1000),
            new Hardware.DigitalOutput("actuators[1]", 22, true)),
        List.of(new Hardware.GpioEdge("events[0]", 27, Hardware.Edge.FALLING, Hardware.Pull.UP, 20_000_000L, -1, false)));
    return new DeviceProfile("pi5-test.yaml", "pi5-test", null,
        new DeviceProfile.Loop(PERIOD_NS, null, -1, time, dryRunTicks, 0, null, false),
        new DeviceProfile.Observation(new double[4], new double[] {1, 0.3, 0.3, 0.3}, new double[] {0, -1, -1, -1},
            new double[] {1, 5, 5, 5}),
        new DeviceProfile.Actions(new double[][] {{0.6, 0}, {-0.6, 1}}, new double[] {-1, 0}, new double[] {1, 1},
            new double[] {2, 2}, new double[] {0, 0}),
        new DeviceProfile.Rewards("continuing", 0.0, 0.0), new DeviceProfile.Episodes(0, Double.NaN, 100),
        learner, base.watchdog(), new DeviceProfile.Run(1, "train", 0, 0, 0, 0), Map.of(), null, hardware,
        base.storage());
  }

  @Test
  void shouldRunARealBoardProfileOnTheMockPlatform() throws InterruptedException {
    LoopAssembly a = new LoopAssembly(realBoard("realtime", 0), LoopAssembly.Overrides.NONE, true);
    assertEquals("mock", a.platform);
    assertTrue(a.board instanceof Pi4jBoard);
    a.startBoard();
    StopReason[] reason = new StopReason[1];
    Thread control = new Thread(() -> reason[0] = a.loop.run());
    control.start();
    Thread.sleep(300);
    a.loop.requestStop(StopReason.SIGNAL);
    control.join(5_000);

    Board.StopReport report = a.board.stop();
    a.close();

    assertEquals(StopReason.SIGNAL, reason[0]);
    assertTrue(a.telemetry.get(LoopCounter.TICKS) > 10, "ticked in real time");
    assertEquals(0, a.telemetry.faultCount(FaultKind.SENSOR_TIMEOUT.ordinal())
        + a.telemetry.faultCount(FaultKind.SENSOR_FAILED.ordinal())
        + a.telemetry.faultCount(FaultKind.ACTUATOR_FAILED.ordinal()), "no device fault (overruns may happen on a busy machine)");
    assertTrue(report.safe(), report.problems().toString());
    assertArrayEquals(new double[] {0, 0}, report.appliedAtExit());
  }

  @Test
  void shouldNameTheDeviceThatDoesNotOpenOnARealBoardInOneLine() {
    // this machine is no Raspberry Pi: the first device to open (the button, through gpiod) fails
    LoopAssembly a = new LoopAssembly(realBoard("realtime", 0), LoopAssembly.Overrides.NONE, false);
    assertEquals("pi4j", a.platform);
    try {
      Pi4jBoard.HardwareException e = assertThrows(Pi4jBoard.HardwareException.class, a::startBoard);
      assertTrue(e.toString().startsWith("pi5-test.yaml: sensors[0]: "), e.toString());
      assertEquals(1, e.toString().lines().count());
    } finally {
      a.board.stop();
      a.close();
    }
  }

  @Test
  void shouldRefuseTheVirtualClockForARealBoardEvenUnderMock() {
    UsageException e = assertThrows(UsageException.class,
        () -> new LoopAssembly(realBoard("fast", 0), LoopAssembly.Overrides.NONE, true));
    assertEquals("--fast: the raspberry-pi-5 board of pi5-test.yaml runs in real time (also under --mock)", e.getMessage());
  }

  @Test
  void shouldRefuseADryRunOnARealBoardWhereTheProfileSaysSo() throws Exception {
    Path project = Path.of(System.getProperty("nrledge.projectDir", "."));
    String text = Files.readString(project.resolve("device-profiles/pi-rover.yaml"))
        .replace("time: realtime", "time: realtime\n  dry-run-ticks: 1000");
    ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse("pi-rover.yaml", text));
    assertTrue(e.getMessage().matches("pi-rover\\.yaml:\\d+:\\d+: loop\\.dry-run-ticks: a raspberry-pi-4 rig has no"
        + " simulated twin to rehearse on: leave it out or set 0"), e.getMessage());
  }
}
