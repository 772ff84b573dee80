package io.nrledge.profiles;

import static io.nrledge.profiles.ProfileErrors.error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.nrledge.profiles.Hardware.BoardModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code board}, {@code sensors}, {@code actuators} and {@code events} of a real-board profile, checked against the board. */
class HardwareProfileTest {
  /** A valid Raspberry Pi 4 profile; the tests below break one thing each. */
  static final String PI = """
      name: p
      board: raspberry-pi-4
      loop:
        period: 20ms
        time: realtime
      sensors:
        - kind: ads1115
          address: 0x48
          inputs: [0, 1]
        - kind: digital-input
          pin: 17
          pull: up
          active-low: true
      actuators:
        - kind: pwm-motor
          pwm-pin: 12
          forward-pin: 5
          backward-pin: 6
        - kind: servo
          pin: 13
      events:
        - kind: gpio-edge
          pin: 27
          edge: falling
          pull: up
          debounce: 20ms
          reward: -1.0
        - kind: threshold
          channel: 1
          above: 1.5
          hysteresis: 0.1
          reward: 1.0
          terminal: true
      observation:
        channels: 3
      actions:
        table: [[0.5, 0.0], [-0.5, 1.0]]
        min: [-1, -1]
        max: [1, 1]
      reward:
        form: continuing
      learner:
        rule: nrl
      """;

  private static final String SIM = """
      name: t
      rig:
        type: cartpole
      loop:
        period: 20ms
      observation:
        channels: 4
      actions:
        table: [[-10], [10]]
      reward:
        form: episodic
      learner:
        rule: nrl
      """;

  @Test
  void shouldReadEveryDeviceWithItsKeyAndDefaults() {
    DeviceProfile p = ProfileLoader.parse("p.yaml", PI);
    Hardware hw = p.hardware();
    assertEquals("raspberry-pi-4", p.board());
    assertEquals(ProfileLoader.HARDWARE_RIG, p.rig().type());
    assertNull(p.bridge());
    Hardware.Ads1115 adc = (Hardware.Ads1115) hw.sensors().get(0);
    assertEquals("sensors[0]", adc.key());
    assertEquals(0x48, adc.address());
    assertEquals(1, adc.bus());
    assertArrayEquals(new int[] {0, 1}, adc.inputs());
    assertEquals(4.096, adc.fullScaleVolts());
    assertEquals(50_000_000L, adc.maxAgeNs());
    assertEquals(new Hardware.DigitalInput("sensors[1]", 17, Hardware.Pull.UP, true, 0), hw.sensors().get(1));
    assertEquals(new Hardware.PwmMotor("actuators[0]", 12, 5, 6, 1000), hw.actuators().get(0));
    assertEquals(new Hardware.Servo("actuators[1]", 13, 50, 1000, 2000), hw.actuators().get(1));
    assertEquals(new Hardware.GpioEdge("events[0]", 27, Hardware.Edge.FALLING, Hardware.Pull.UP, 20_000_000L, -1.0,
        false), hw.events().get(0));
    assertEquals(new Hardware.Threshold("events[1]", 1, true, 1.5, 0.1, 1.0, true), hw.events().get(1));
    assertEquals(3, hw.sensorChannels());
    assertEquals("p.yaml:11:10", p.where("sensors[1].pin"), "device keys point into the file");
  }

  @Test
  void shouldReadTheOtherSensorKinds() {
    Hardware hw = ProfileLoader.parse("p.yaml", PI.replace("""
          - kind: digital-input
            pin: 17
            pull: up
            active-low: true
        """, """
          - kind: mpu6050
            address: 0x69
            axes: [accel-x, gyro-z]
          - kind: mcp3008
            bus: 1
            chip-select: 2
            inputs: [7]
          - kind: counter
            pin: 22
            pin-b: 23
            edge: both
            output: count
        """).replace("channels: 3", "channels: 6")).hardware();
    assertEquals(new Hardware.Mpu6050("sensors[1]", 1, 0x69, List.of(Hardware.ImuAxis.ACCEL_X, Hardware.ImuAxis.GYRO_Z),
        50_000_000L), hw.sensors().get(1));
    Hardware.Mcp3008 spi = (Hardware.Mcp3008) hw.sensors().get(2);
    assertEquals(1, spi.bus());
    assertEquals(2, spi.chipSelect());
    assertEquals(3.3, spi.referenceVolts());
    assertEquals(new Hardware.Counter("sensors[3]", 22, 23, Hardware.Edge.BOTH, Hardware.Pull.NONE, false, 0),
        hw.sensors().get(3));
  }

  @Test
  void shouldKnowThePwmChannelOfEachPinOnEachBoard() {
    assertEquals(List.of(0, 1, 0, 1), BoardPins.PWM_PINS.stream().map(p -> BoardPins.pwmChannel(BoardModel.RASPBERRY_PI_4, p)).toList());
    assertEquals(List.of(0, 1, 2, 3), BoardPins.PWM_PINS.stream().map(p -> BoardPins.pwmChannel(BoardModel.RASPBERRY_PI_5, p)).toList());
    assertEquals(-1, BoardPins.pwmChannel(BoardModel.RASPBERRY_PI_5, 17));
  }

  @Test
  void shouldRefusePinsThatAreNotOnTheHeader() {
    assertEquals("p.yaml:11:10: sensors[1].pin: GPIO 28 is not usable on raspberry-pi-4: BCM 2..27 (0 and 1 are the HAT EEPROM bus)",
        error(PI.replace("pin: 17", "pin: 28")));
    assertEquals("p.yaml:11:10: sensors[1].pin: GPIO 0 is not usable on raspberry-pi-4: BCM 2..27 (0 and 1 are the HAT EEPROM bus)",
        error(PI.replace("pin: 17", "pin: 0")));
  }

  @Test
  void shouldNameTheHardwarePwmPinsForAMotorOnAnotherPin() {
    assertEquals("p.yaml:16:14: actuators[0].pwm-pin: GPIO 17 has no hardware PWM: hardware PWM pins on raspberry-pi-4 are 12, 13, 18, 19",
        error(PI.replace("pwm-pin: 12", "pwm-pin: 17")));
  }

  @Test
  void shouldRefuseTwoPinsOnOnePwmChannelOfAPi4ButNotOfAPi5() {
    String sharing = PI.replace("pin: 13\n", "pin: 18\n");
    assertEquals("p.yaml:20:10: actuators[1].pin: GPIO 18 is on PWM channel 0 like GPIO 12 (actuators[0].pwm-pin): on "
        + "raspberry-pi-4 use at most one of each pair 12/18 and 13/19", error(sharing));
    DeviceProfile pi5 = ProfileLoader.parse("p.yaml", sharing.replace("raspberry-pi-4", "raspberry-pi-5"));
    assertEquals(18, ((Hardware.Servo) pi5.hardware().actuators().get(1)).pin());
  }

  @Test
  void shouldRefuseAPinUsedTwiceIncludingTheBusPins() {
    assertEquals("p.yaml:23:10: events[0].pin: GPIO 17 is already used by sensors[1].pin",
        error(PI.replace("pin: 27", "pin: 17")));
    assertEquals("p.yaml:11:10: sensors[1].pin: GPIO 3 is already used by i2c1 (sensors[0])",
        error(PI.replace("pin: 17", "pin: 3")));
    assertEquals("p.yaml:19:18: actuators[0].forward-pin: GPIO 8 is already used by CE0 of spi0 (sensors[2])",
        error(PI.replace("    active-low: true\n", "    active-low: true\n  - kind: mcp3008\n    inputs: [0]\n").replace("channels: 3", "channels: 4").replace("forward-pin: 5", "forward-pin: 8")));
  }

  @Test
  void shouldRefuseAnI2cAddressOutOfRangeOrTwiceOnOneBus() {
    assertEquals("p.yaml:8:14: sensors[0].address: must be 0x48..0x4B (ADDR to GND, VDD, SDA or SCL), got 0x50",
        error(PI.replace("address: 0x48", "address: 0x50")));
    String two = PI.replace("""
          - kind: digital-input
        """, """
          - kind: ads1115
            address: 0x48
            inputs: [3]
          - kind: digital-input
        """).replace("channels: 3", "channels: 4");
    assertEquals("p.yaml:11:14: sensors[1].address: I2C address 0x48 on bus 1 is already used by sensors[0]", error(two));
    assertEquals(4, ProfileLoader.parse("p.yaml", two.replace("address: 0x48\n    inputs: [3]",
        "address: 0x49\n    inputs: [3]")).hardware().sensorChannels());
  }

  @Test
  void shouldSuggestTheNearestKindAndKeyAnywhereInTheProfile() {
    assertEquals("p.yaml:19:11: actuators[1].kind: must be one of pwm-motor, servo, digital-output, got 'sevro' (did you mean 'servo'?)",
        error(PI.replace("kind: servo", "kind: sevro")));
    assertEquals("p.yaml:18:5: actuators[0].backwards-pin: unknown key (did you mean 'backward-pin'?)",
        error(PI.replace("backward-pin: 6", "backwards-pin: 6")));
    assertEquals("p.yaml:27:5: events[0].rewrad: unknown key (did you mean 'reward'?)",
        error(PI.replace("reward: -1.0", "rewrad: -1.0")));
    assertEquals("p.yaml:5:3: loop.tme: unknown key (did you mean 'time'?)", error(PI.replace("  time:", "  tme:")));
    assertEquals("p.yaml:2:8: board: must be one of sim, raspberry-pi-4, raspberry-pi-5, got 'raspberry-pi4' "
        + "(did you mean 'raspberry-pi-4'?)", error(PI.replace("board: raspberry-pi-4", "board: raspberry-pi4")));
  }

  @Test
  void shouldNameAMissingKey() {
    assertEquals("p.yaml:15:5: actuators[0].forward-pin: is required (a BCM GPIO number, 2..27)",
        error(PI.replace("    forward-pin: 5\n", "")));
  }

  @Test
  void shouldMatchSensorChannelsToTheObservationAndActuatorsToTheTable() {
    assertEquals("p.yaml:35:13: observation.channels: the sensors give 3 channels (sensors[0]: 2, sensors[1]: 1), the profile 4",
        error(PI.replace("channels: 3", "channels: 4")));
    assertEquals("p.yaml:37:10: actions.table: the actuators take 2 commands (one each), each row has 1",
        error(PI.replace("table: [[0.5, 0.0], [-0.5, 1.0]]\n  min: [-1, -1]\n  max: [1, 1]", "table: [[0.5], [-0.5]]")));
    assertEquals("p.yaml:39:8: actions.max: channel 1 (actuators[1]) takes commands in [-1, 1]: set min and max within it, "
        + "got [-1.0, 2.0]", error(PI.replace("max: [1, 1]", "max: [1, 2]")));
  }

  @Test
  void shouldTakeMicrocontrollerEventsOnlyFromABridgeAndGpioEventsOnlyFromAPi() {
    assertEquals("p.yaml:22:11: events[0].kind: microcontroller events come from a bridge rig (rig.type: bridge); on a "
        + "raspberry-pi-4 without one use gpio-edge or threshold", error(PI.replace("kind: gpio-edge", "kind: microcontroller")));
    String bridge = BridgeProfileTest.BRIDGE + """
        events:
          - kind: microcontroller
            channel: 1
            reward: 2.0
          - kind: gpio-edge
            pin: 4
        """;
    assertEquals("p.yaml:24:11: events[1].kind: gpio-edge events need a Raspberry Pi board without a bridge rig; a bridge "
        + "rig's events are kind: microcontroller", error(bridge));
    DeviceProfile ok = ProfileLoader.parse("p.yaml", bridge.substring(0, bridge.indexOf("  - kind: gpio-edge")));
    assertEquals(List.of(new Hardware.Microcontroller("events[0]", 1, 2.0, false)), ok.bridge().events());
    assertNull(ok.hardware(), "a bridge on a laptop: board sim");
    DeviceProfile onPi = ProfileLoader.parse("p.yaml", "board: raspberry-pi-5\n"
        + bridge.substring(0, bridge.indexOf("  - kind: gpio-edge")));
    assertEquals("raspberry-pi-5", onPi.board());
    assertEquals(List.of(), onPi.hardware().sensors(), "the microcontroller does the I/O");
  }

  @Test
  void shouldKeepSimulatedRigsOnTheSimBoard() {
    assertEquals("p.yaml:3:9: rig.type: a raspberry-pi-4 profile declares its sensors and actuators (leave rig: out) or uses "
        + "rig.type: bridge; simulated rigs run on board: sim",
        error(PI.replace("board: raspberry-pi-4", "rig:\n  type: cartpole\nboard: raspberry-pi-4")));
    assertEquals("p.yaml:14:10: sensors: only on a Raspberry Pi board (board: raspberry-pi-4 or raspberry-pi-5) without a "
        + "bridge rig", error(SIM + "sensors: []\n"));
    assertEquals("p.yaml:5:9: loop.time: a raspberry-pi-4 board runs real devices: set realtime",
        error(PI.replace("time: realtime", "time: fast")));
  }

  @Test
  void shouldTakeATimeLimitAsADurationInWholePeriods() {
    DeviceProfile p = ProfileLoader.parse("p.yaml", PI + "episodes:\n  time-limit: 30s\n");
    assertEquals(1500, p.episodes().timeLimitTicks());
    assertEquals("p.yaml:45:15: episodes.time-limit: set time-limit or time-limit-ticks, not both",
        error(PI + "episodes:\n  time-limit: 30s\n  time-limit-ticks: 5\n"));
  }
}
