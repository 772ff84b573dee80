package io.nrledge.profiles;

import java.util.List;

/**
 * The devices of a real board as a profile declares them: the board model, the sensors (in
 * observation-channel order), the actuators (one command channel each, in action-channel order)
 * and the reward/episode event sources. Immutable and validated against the board's pins by
 * {@link ProfileLoader}; every device keeps its profile key ({@code sensors[2]}) so later checks
 * can still point into the file. Pin numbers are BCM GPIO numbers.
 */
public record Hardware(BoardModel board, List<Sensor> sensors, List<Actuator> actuators, List<EventSpec> events) {

  public Hardware {
    sensors = List.copyOf(sensors);
    actuators = List.copyOf(actuators);
    events = List.copyOf(events);
  }

  /** Raw sensor channels the sensors produce, in order. */
  public int sensorChannels() {
    int n = 0;
    for (Sensor s : sensors) {
      n += s.channels();
    }
    return n;
  }

  /** A supported single-board computer. */
  public enum BoardModel {
    RASPBERRY_PI_4("raspberry-pi-4"),
    RASPBERRY_PI_5("raspberry-pi-5");

    public final String label;

    BoardModel(String label) {
      this.label = label;
    }
  }

  public enum Pull { UP, DOWN, NONE }

  public enum Edge { RISING, FALLING, BOTH }

  /** A device that fills one or more raw sensor channels every tick. */
  public sealed interface Sensor permits DigitalInput, Ads1115, Mcp3008, Mpu6050, Counter {
    /** Where it was declared ({@code sensors[0]}). */
    String key();

    int channels();

    /** A sample older than this at the tick is a sensor timeout (0: the device is read on the tick). */
    long maxAgeNs();
  }

  /** A GPIO input: 1.0 when active, else 0.0. */
  public record DigitalInput(String key, int pin, Pull pull, boolean activeLow, long maxAgeNs) implements Sensor {
    @Override
    public int channels() {
      return 1;
    }
  }

  /** A TI ADS1115 16-bit ADC on I2C; one channel per single-ended input (0–3), in volts. */
  public record Ads1115(String key, int bus, int address, int[] inputs, double fullScaleVolts, long maxAgeNs)
      implements Sensor {
    public Ads1115 {
      inputs = inputs.clone();
    }

    @Override
    public int channels() {
      return inputs.length;
    }
  }

  /** A Microchip MCP3008 10-bit ADC on SPI; one channel per single-ended input (0–7), in volts. */
  public record Mcp3008(String key, int bus, int chipSelect, int[] inputs, double referenceVolts, long maxAgeNs)
      implements Sensor {
    public Mcp3008 {
      inputs = inputs.clone();
    }

    @Override
    public int channels() {
      return inputs.length;
    }
  }

  /** An InvenSense MPU-6050 IMU on I2C; one channel per axis (m/s², rad/s). */
  public record Mpu6050(String key, int bus, int address, List<ImuAxis> axes, long maxAgeNs) implements Sensor {
    public Mpu6050 {
      axes = List.copyOf(axes);
    }

    @Override
    public int channels() {
      return axes.size();
    }
  }

  public enum ImuAxis { ACCEL_X, ACCEL_Y, ACCEL_Z, GYRO_X, GYRO_Y, GYRO_Z }

  /**
   * Edges counted on GPIO: a pulse counter ({@code pinB} −1) or a quadrature encoder (A on
   * {@code pin}, B on {@code pinB}, signed). One channel: counts per second over the last tick
   * ({@code rate}) or the running count.
   */
  public record Counter(String key, int pin, int pinB, Edge edge, Pull pull, boolean rate, long maxAgeNs)
      implements Sensor {
    @Override
    public int channels() {
      return 1;
    }
  }

  /** A device driven by one command channel; {@code safe} in the profile's {@code actions.safe}. */
  public sealed interface Actuator permits PwmMotor, Servo, DigitalOutput {
    String key();
  }

  /**
   * A DC motor through an H-bridge: command in [−1, 1], its magnitude the duty cycle on the
   * hardware-PWM {@code pwmPin}, its sign which of {@code forwardPin}/{@code backwardPin} is high
   * (both low at 0).
   */
  public record PwmMotor(String key, int pwmPin, int forwardPin, int backwardPin, int frequencyHz)
      implements Actuator {}

  /** A hobby servo on a hardware-PWM pin: command in [−1, 1] maps linearly to [minPulseUs, maxPulseUs]. */
  public record Servo(String key, int pin, int frequencyHz, int minPulseUs, int maxPulseUs) implements Actuator {}

  /** A GPIO output: high (or low when {@code activeLow}) while the command is ≥ 0.5. */
  public record DigitalOutput(String key, int pin, boolean activeLow) implements Actuator {}

  /** A source of reward or episode events. */
  public sealed interface EventSpec permits GpioEdge, Threshold, Microcontroller {
    String key();

    /** Reward credited when it fires (0: none). */
    double reward();

    /** Whether it ends the episode. */
    boolean terminal();
  }

  /** An edge on a GPIO input, ignored within {@code debounceNs} of the last accepted one. */
  public record GpioEdge(String key, int pin, Edge edge, Pull pull, long debounceNs, double reward, boolean terminal)
      implements EventSpec {}

  /**
   * Raw sensor channel {@code channel} crossing {@code level} upwards ({@code above}) or downwards;
   * re-armed once it has moved back past {@code level ∓ hysteresis}.
   */
  public record Threshold(String key, int channel, boolean above, double level, double hysteresis, double reward,
      boolean terminal) implements EventSpec {}

  /**
   * An EVENT frame from a bridge rig's microcontroller on {@code channel}; replaces the firmware's
   * kind and value. Kept in {@link DeviceProfile.Bridge#events()}, not in {@link #events()}: a bridge
   * rig also runs on {@code board: sim}, which has no {@code Hardware}.
   */
  public record Microcontroller(String key, int channel, double reward, boolean terminal) implements EventSpec {}
}
