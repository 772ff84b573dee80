package io.nrledge.io.pi4j;

import io.nrledge.io.ActuatorOutput;
import io.nrledge.io.Board;
import io.nrledge.io.EpisodeReset;
import io.nrledge.io.EventKind;
import io.nrledge.io.EventSource;
import io.nrledge.io.NanoClock;
import io.nrledge.io.SensorInput;
import io.nrledge.io.ThresholdEvents;
import io.nrledge.profiles.BoardPins;
import io.nrledge.profiles.Hardware;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Raspberry Pi (or Pi4J's mock platform) assembled from a profile's {@link Hardware}: its
 * sensors concatenated into one input, its actuators into one output with the profile's safe
 * values, its GPIO-edge and threshold event sources. Bus devices and actuator writes go through
 * one {@link IoThread}, so the control thread only touches preallocated memory. {@link #stop()}
 * drives the actuators safe on the calling thread, deactivates everything and shuts the Pi4J
 * context down. On the mock platform a {@link StandInWorld} plays the chips' physical world.
 * Nothing here may be called from the control thread except the sensors' read and the
 * actuators' writes.
 */
public final class Pi4jBoard implements Board {
  private final Hardware hardware;
  private final Pi4jPlatform platform;
  private final StandInWorld world;
  private final Pi4jSensors pi4jSensors;
  private final SensorInput sensors;
  private final Pi4jActuators actuators;
  private final List<EventSource> eventSources;
  private StopReport stopped;

  /**
   * @param safe the actuators' safe values ({@code actions.safe}), one per actuator
   * @param samplePeriodNs how often the I/O thread samples the bus devices (the loop period)
   * @param clock the control loop's clock (the age of samples and threshold events are measured on it)
   * @throws ConfigurationException when the hardware cannot work as declared (naming its key)
   */
  public Pi4jBoard(Hardware hardware, Pi4jPlatform platform, double[] safe, long samplePeriodNs, NanoClock clock) {
    this.hardware = hardware;
    this.platform = platform;
    this.world = platform.isMock() ? new StandInWorld() : null;
    List<SensorPart> parts = new ArrayList<>();
    for (Hardware.Sensor s : hardware.sensors()) {
      parts.add(switch (s) {
        case Hardware.DigitalInput d -> new DigitalInputDevice(d);
        case Hardware.Ads1115 a -> new Ads1115Device(a, world);
        case Hardware.Mcp3008 m -> new Mcp3008Device(m, world);
        case Hardware.Mpu6050 m -> new Mpu6050Device(m, world);
        case Hardware.Counter c -> new EdgeCounter(c);
      });
    }
    this.pi4jSensors = new Pi4jSensors(platform, parts, samplePeriodNs, clock);
    Drive[] drives = new Drive[hardware.actuators().size()];
    for (int i = 0; i < drives.length; i++) {
      drives[i] = drive(hardware.board(), hardware.actuators().get(i));
    }
    this.actuators = new Pi4jActuators(platform, drives, safe);
    IoThread io = new IoThread("nrl-pi4j-io", pi4jSensors, actuators, samplePeriodNs);
    pi4jSensors.attach(io);
    actuators.attach(io);
    List<EventSource> sources = new ArrayList<>();
    List<ThresholdEvents.Crossing> crossings = new ArrayList<>();
    for (Hardware.EventSpec e : hardware.events()) {
      switch (e) {
        case Hardware.GpioEdge g -> sources.add(new GpioEdgeSource(g, platform));
        case Hardware.Threshold t -> {
          if (t.channel() < 0 || t.channel() >= pi4jSensors.channels()) {
            throw new ConfigurationException(t.key() + ".channel", "must be a raw sensor channel 0.."
                + (pi4jSensors.channels() - 1) + ", got " + t.channel());
          }
          ThresholdEvents.Crossing c = new ThresholdEvents.Crossing(t.key(), t.channel(), t.above(), t.level(),
              t.hysteresis(), t.terminal() ? EventKind.TERMINAL : EventKind.REWARD, t.reward());
          crossings.add(c);
          sources.add(c);
        }
        case Hardware.Microcontroller m -> throw new ConfigurationException(m.key() + ".kind",
            "microcontroller events need a bridge rig");
      }
    }
    this.eventSources = List.copyOf(sources);
    this.sensors = crossings.isEmpty() ? pi4jSensors : new ThresholdEvents(pi4jSensors, crossings, clock);
  }

  private static Drive drive(Hardware.BoardModel board, Hardware.Actuator a) {
    try {
      return switch (a) {
        case Hardware.PwmMotor m -> new Drive.Motor(m.key(), m.pwmPin(), pwmChannel(board, m.pwmPin()), m.forwardPin(),
            m.backwardPin(), m.frequencyHz());
        case Hardware.Servo s -> new Drive.Servo(s.key(), s.pin(), pwmChannel(board, s.pin()), s.frequencyHz(),
            s.minPulseUs(), s.maxPulseUs());
        case Hardware.DigitalOutput d -> new Drive.Digital(d.key(), d.pin(), d.activeLow());
      };
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(a.key(), e.getMessage());
    }
  }

  /** A profile key ({@code sensors[0].max-age}) and why this board cannot meet it. */
  public record SamplingProblem(String key, String message) {}

  /**
   * The profile's sampled sensors whose {@code max-age} this board cannot meet at a loop period of
   * {@code periodNs}; {@code validate} reports them as the board would refuse them. Not real-time safe.
   */
  public static List<SamplingProblem> samplingProblems(Hardware hardware, long periodNs) {
    List<SamplingProblem> problems = new ArrayList<>();
    for (Hardware.Sensor s : hardware.sensors()) {
      if (s instanceof Hardware.Counter) {
        continue; // counted on edges, not sampled
      }
      String problem = Pi4jSensors.maxAgeProblem(s.maxAgeNs(), Pi4jSensors.passesPerRefresh(s), periodNs);
      if (problem != null) {
        problems.add(new SamplingProblem(s.key() + ".max-age", problem));
      }
    }
    return problems;
  }

  /** The hardware PWM channel behind a BCM pin, as {@link BoardPins} (the one owner of board facts) says. */
  private static int pwmChannel(Hardware.BoardModel board, int pin) {
    int channel = BoardPins.pwmChannel(board, pin);
    if (channel < 0) { // the profile loader refuses such a pin; a Hardware record built in code may not
      throw new IllegalArgumentException("GPIO" + pin + " has no hardware PWM on " + board.label);
    }
    return channel;
  }

  @Override
  public String name() {
    return hardware.board().label + (platform.isMock() ? " (Pi4J mock)" : "");
  }

  @Override
  public SensorInput sensors() {
    return sensors;
  }

  @Override
  public ActuatorOutput actuators() {
    return actuators;
  }

  @Override
  public List<EventSource> eventSources() {
    return eventSources;
  }

  @Override
  public Optional<EpisodeReset> episodeReset() {
    return Optional.empty();
  }

  /** The Pi4J platform the board runs on. */
  public Pi4jPlatform platform() {
    return platform;
  }

  /** The stand-in physical world of the mock platform's chips; null on a real board. */
  public StandInWorld world() {
    return world;
  }

  /** The profile key of the sensor behind raw channel {@code channel} ({@code sensors[1]}), for reports. */
  public String sensorKey(int channel) {
    return pi4jSensors.keyOf(channel);
  }

  /**
   * Drives the actuators safe on this thread (not through the I/O thread), then the usual stop,
   * then shuts the Pi4J context down; a second call returns the first's report. Not real-time safe.
   */
  @Override
  public synchronized StopReport stop() {
    if (stopped != null) {
      return stopped;
    }
    actuators.applySafeNow();
    StopReport report = Board.super.stop();
    List<String> problems = new ArrayList<>(report.problems());
    try {
      platform.close();
    } catch (RuntimeException e) {
      problems.add("Pi4J context shutdown threw " + e);
    }
    stopped = new StopReport(report.safe(), report.appliedAtExit(), List.copyOf(problems));
    return stopped;
  }

  /**
   * A device did not open or answer when the board started ({@code /dev/i2c-1} missing, a chip
   * that is not there); {@link #key()} is its profile key. Its {@code toString()} is its message.
   */
  public static final class HardwareException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    HardwareException(String key, RuntimeException cause) {
      this(key, key + ": " + (cause.getMessage() != null ? cause.getMessage() : cause.toString()), cause);
    }

    private HardwareException(String key, String message, Throwable cause) {
      super(message, cause);
      this.key = key;
    }

    /** The same failure with {@code where} ({@code FILE:LINE:COL} of the key) in front. */
    public HardwareException locatedAt(String where) {
      return new HardwareException(key, where + ": " + getMessage(), this);
    }

    public String key() {
      return key;
    }

    /** Opens {@code part} (a Pi4J device), naming its key when that fails. */
    static void open(String key, Runnable part) {
      try {
        part.run();
      } catch (HardwareException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new HardwareException(key, e);
      }
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  /** The hardware cannot work as the profile declares it; {@link #key()} is the profile key to point at. */
  public static final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ConfigurationException(String key, String message) {
      super(message);
      this.key = key;
    }

    public String key() {
      return key;
    }
  }
}
