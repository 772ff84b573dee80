package io.nrledge.profiles;

import io.nrledge.profiles.Hardware.Actuator;
import io.nrledge.profiles.Hardware.BoardModel;
import io.nrledge.profiles.Hardware.EventSpec;
import io.nrledge.profiles.Hardware.Sensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a profile's {@code sensors}, {@code actuators} and {@code events} lists into
 * {@link Hardware} records and checks them against the board ({@link BoardPins}): pins that
 * exist, hardware PWM where needed, no pin used twice (bus pins included), I2C addresses in range
 * and unique per bus. Every problem is one {@code FILE:LINE:COL: key: message} line. Part of
 * {@link ProfileLoader}; must never touch hardware.
 */
final class HardwareReader {
  static final List<String> SENSOR_KINDS = List.of("digital-input", "ads1115", "mcp3008", "mpu6050", "counter");
  static final List<String> ACTUATOR_KINDS = List.of("pwm-motor", "servo", "digital-output");
  static final List<String> EVENT_KINDS = List.of("gpio-edge", "threshold", "microcontroller");
  /** ADS1115 full-scale ranges (PGA settings), volts. */
  private static final double[] ADS1115_FULL_SCALE = {6.144, 4.096, 2.048, 1.024, 0.512, 0.256};
  private static final long MAX_AGE_LIMIT_NS = 10_000_000_000L;
  /** Microcontroller event channels: a u8 in the EVENT frame. */
  private static final int MAX_MCU_CHANNEL = 255;

  private final BoardModel board;
  private final Map<Integer, String> pinOwners = new HashMap<>();
  private final Map<String, String> busOwners = new HashMap<>();
  private final Map<Integer, String> i2cAddressOwners = new HashMap<>();
  /** Per PWM channel (at most 4, on the Pi 5): the key that took it, and its pin. */
  private final String[] pwmChannelOwners = new String[4];
  private final int[] pwmChannelPins = new int[4];

  private HardwareReader(BoardModel board) {
    this.board = board;
  }

  /** The sensors, actuators and GPIO/threshold events of a Raspberry Pi board without a bridge. */
  static Hardware read(YamlSection top, BoardModel board) {
    HardwareReader r = new HardwareReader(board);
    List<Sensor> sensors = new ArrayList<>();
    for (YamlSection s : nonEmpty(top, "sensors")) {
      sensors.add(r.sensor(s));
      s.finish();
    }
    List<Actuator> actuators = new ArrayList<>();
    for (YamlSection s : nonEmpty(top, "actuators")) {
      actuators.add(r.actuator(s));
      s.finish();
    }
    int channels = 0;
    for (Sensor s : sensors) {
      channels += s.channels();
    }
    List<EventSpec> events = new ArrayList<>();
    if (top.has("events")) {
      for (YamlSection s : top.sections("events")) {
        String kind = kind(s, EVENT_KINDS);
        if (kind.equals("microcontroller")) {
          throw s.errorAt("kind", "microcontroller events come from a bridge rig (rig.type: bridge); on a "
              + board.label + " without one use gpio-edge or threshold");
        }
        events.add(kind.equals("gpio-edge") ? r.gpioEdge(s) : threshold(s, channels));
        s.finish();
      }
    }
    return new Hardware(board, sensors, actuators, events);
  }

  /** The {@code microcontroller} events of a bridge rig's {@code events} list; any other kind is refused. */
  static List<Hardware.Microcontroller> bridgeEvents(YamlSection top) {
    List<Hardware.Microcontroller> out = new ArrayList<>();
    if (!top.has("events")) {
      return out;
    }
    boolean[] seen = new boolean[MAX_MCU_CHANNEL + 1];
    for (YamlSection s : top.sections("events")) {
      String kind = kind(s, EVENT_KINDS);
      if (!kind.equals("microcontroller")) {
        throw s.errorAt("kind", kind + " events need a Raspberry Pi board without a bridge rig; a bridge rig's "
            + "events are kind: microcontroller");
      }
      int channel = s.integerIn("channel", -1, 0, MAX_MCU_CHANNEL);
      if (channel < 0) {
        throw s.errorAt("channel", "is required (the EVENT frame's input channel, 0.." + MAX_MCU_CHANNEL + ")");
      }
      if (seen[channel]) {
        throw s.errorAt("channel", "channel " + channel + " is mapped twice");
      }
      seen[channel] = true;
      Hardware.Microcontroller m = new Hardware.Microcontroller(s.path(), channel, s.number("reward", 0),
          s.bool("terminal", false));
      requireEffect(s, m);
      s.finish();
      out.add(m);
    }
    return out;
  }

  private static List<YamlSection> nonEmpty(YamlSection top, String name) {
    if (!top.has(name)) {
      throw top.errorAt(name, "is required on a board without a bridge rig (at least one entry)");
    }
    List<YamlSection> list = top.sections(name);
    if (list.isEmpty()) {
      throw top.errorAt(name, "needs at least one entry");
    }
    return list;
  }

  private static String kind(YamlSection s, List<String> kinds) {
    String kind = s.choice("kind", null, kinds.toArray(String[]::new));
    if (kind == null) {
      throw s.errorAt("kind", "is required (one of " + String.join(", ", kinds) + ")");
    }
    return kind;
  }

  private Sensor sensor(YamlSection s) {
    String key = s.path();
    return switch (kind(s, SENSOR_KINDS)) {
      case "digital-input" -> new Hardware.DigitalInput(key, pin(s, "pin"), pull(s), s.bool("active-low", false),
          maxAge(s, 0));
      case "ads1115" -> {
        int bus = i2c(s);
        int address = address(s, bus, 0x48, 0x48, 0x4B, "0x48..0x4B (ADDR to GND, VDD, SDA or SCL)");
        int[] inputs = s.distinctIntegers("inputs", 0, 3);
        double fullScale = s.number("full-scale", 4.096);
        boolean known = false;
        for (double f : ADS1115_FULL_SCALE) {
          known |= f == fullScale;
        }
        if (!known) {
          throw s.errorAt("full-scale", "must be one of 6.144, 4.096, 2.048, 1.024, 0.512, 0.256 (volts), got " + fullScale);
        }
        yield new Hardware.Ads1115(key, bus, address, inputs, fullScale, maxAge(s, 50_000_000L));
      }
      case "mcp3008" -> {
        int bus = s.integerIn("bus", 0, 0, BoardPins.spiBuses() - 1);
        int cs = s.integerIn("chip-select", 0, 0, BoardPins.spiChipSelects(bus).size() - 1);
        claimBus(s, "bus", "spi" + bus, BoardPins.spiPins(bus));
        claim(s, "chip-select", BoardPins.spiChipSelects(bus).get(cs), "CE" + cs + " of spi" + bus + " (" + key + ")");
        int[] inputs = s.distinctIntegers("inputs", 0, 7);
        double reference = s.number("reference", 3.3, 0.25, 5.5);
        yield new Hardware.Mcp3008(key, bus, cs, inputs, reference, maxAge(s, 50_000_000L));
      }
      case "mpu6050" -> {
        int bus = i2c(s);
        int address = address(s, bus, 0x68, 0x68, 0x69, "0x68 or 0x69 (AD0 low or high)");
        List<String> names = new ArrayList<>();
        for (Hardware.ImuAxis a : Hardware.ImuAxis.values()) {
          names.add(a.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        List<Hardware.ImuAxis> axes = new ArrayList<>();
        for (String a : s.distinctChoices("axes", names)) {
          axes.add(Hardware.ImuAxis.valueOf(a.toUpperCase(Locale.ROOT).replace('-', '_')));
        }
        yield new Hardware.Mpu6050(key, bus, address, axes, maxAge(s, 50_000_000L));
      }
      case "counter" -> {
        int pin = pin(s, "pin");
        int pinB = s.has("pin-b") ? pin(s, "pin-b") : -1;
        Hardware.Edge edge = edge(s, Hardware.Edge.RISING);
        Hardware.Pull pull = pull(s);
        boolean rate = s.choice("output", "rate", "rate", "count").equals("rate");
        yield new Hardware.Counter(key, pin, pinB, edge, pull, rate, maxAge(s, 0));
      }
      default -> throw new IllegalStateException("kind list and switch disagree");
    };
  }

  private Actuator actuator(YamlSection s) {
    String key = s.path();
    return switch (kind(s, ACTUATOR_KINDS)) {
      case "pwm-motor" -> new Hardware.PwmMotor(key, pwmPin(s, "pwm-pin"), pin(s, "forward-pin"),
          pin(s, "backward-pin"), s.integerIn("frequency", 1000, 10, 100_000));
      case "servo" -> {
        int pin = pwmPin(s, "pin");
        int frequency = s.integerIn("frequency", 50, 40, 400);
        int min = s.integerIn("min-pulse-us", 1000, 400, 2600);
        int max = s.integerIn("max-pulse-us", 2000, 400, 2600);
        if (min >= max) {
          throw s.errorAt("max-pulse-us", "must be above min-pulse-us (" + min + "), got " + max);
        }
        if ((long) max * frequency >= 1_000_000L) {
          throw s.errorAt("max-pulse-us", max + " us does not fit in one period at " + frequency + " Hz");
        }
        yield new Hardware.Servo(key, pin, frequency, min, max);
      }
      case "digital-output" -> new Hardware.DigitalOutput(key, pin(s, "pin"), s.bool("active-low", false));
      default -> throw new IllegalStateException("kind list and switch disagree");
    };
  }

  private Hardware.GpioEdge gpioEdge(YamlSection s) {
    int pin = pin(s, "pin");
    if (!s.has("edge")) {
      throw s.errorAt("edge", "is required (rising, falling or both)");
    }
    Hardware.GpioEdge e = new Hardware.GpioEdge(s.path(), pin, edge(s, null), pull(s),
        s.durationNs("debounce", 0, true), s.number("reward", 0), s.bool("terminal", false));
    if (e.debounceNs() > 1_000_000_000L) {
      throw s.errorAt("debounce", "must be at most 1s");
    }
    requireEffect(s, e);
    return e;
  }

  private static Hardware.Threshold threshold(YamlSection s, int channels) {
    int channel = s.integerIn("channel", -1, 0, Math.max(0, channels - 1));
    if (channel < 0) {
      throw s.errorAt("channel", "is required (a raw sensor channel, 0.." + (channels - 1) + ", in the sensors' order)");
    }
    if (s.has("above") == s.has("below")) {
      throw s.errorAt(s.has("above") ? "below" : "above", "set exactly one of above and below");
    }
    boolean above = s.has("above");
    double level = s.number(above ? "above" : "below");
    if (!Double.isFinite(level)) {
      throw s.errorAt(above ? "above" : "below", "must be a finite number");
    }
    double hysteresis = s.number("hysteresis", 0);
    if (!(hysteresis >= 0) || !Double.isFinite(hysteresis)) {
      throw s.errorAt("hysteresis", "must be a finite number >= 0, got " + hysteresis);
    }
    Hardware.Threshold t = new Hardware.Threshold(s.path(), channel, above, level, hysteresis, s.number("reward", 0),
        s.bool("terminal", false));
    requireEffect(s, t);
    return t;
  }

  private static void requireEffect(YamlSection s, EventSpec e) {
    if (e.reward() == 0 && !e.terminal()) {
      throw s.errorAt("reward", "the event does nothing: set a reward, terminal: true, or both");
    }
  }

  private static Hardware.Pull pull(YamlSection s) {
    return Hardware.Pull.valueOf(s.choice("pull", "none", "up", "down", "none").toUpperCase(Locale.ROOT));
  }

  private static Hardware.Edge edge(YamlSection s, Hardware.Edge fallback) {
    String e = s.choice("edge", null, "rising", "falling", "both");
    return e == null ? fallback : Hardware.Edge.valueOf(e.toUpperCase(Locale.ROOT));
  }

  private static long maxAge(YamlSection s, long fallback) {
    long ns = s.durationNs("max-age", fallback, true);
    if (ns > MAX_AGE_LIMIT_NS) {
      throw s.errorAt("max-age", "must be at most 10s");
    }
    return ns;
  }

  private int i2c(YamlSection s) {
    int bus = s.integerIn("bus", BoardPins.I2C_BUS, BoardPins.I2C_BUS, BoardPins.I2C_BUS);
    claimBus(s, "bus", "i2c" + bus, BoardPins.I2C1_PINS);
    return bus;
  }

  private int address(YamlSection s, int bus, int fallback, int lo, int hi, String range) {
    int address = s.hexInteger("address", fallback, lo, hi, range);
    String hex = "0x" + Integer.toHexString(address).toUpperCase(Locale.ROOT);
    String owner = i2cAddressOwners.putIfAbsent(bus * 256 + address, s.path());
    if (owner != null) {
      throw s.errorAt("address", "I2C address " + hex + " on bus " + bus + " is already used by " + owner);
    }
    return address;
  }

  /** A usable GPIO, claimed for {@code name}; returns it. */
  private int pin(YamlSection s, String name) {
    int pin = s.integerIn(name, Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (pin == Integer.MIN_VALUE) {
      throw s.errorAt(name, "is required (a BCM GPIO number, " + BoardPins.FIRST_GPIO + ".." + BoardPins.LAST_GPIO + ")");
    }
    claim(s, name, pin, s.key(name));
    return pin;
  }

  private int pwmPin(YamlSection s, String name) {
    int pin = s.integerIn(name, Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (pin == Integer.MIN_VALUE) {
      throw s.errorAt(name, "is required (hardware PWM pins on " + board.label + " are " + BoardPins.pwmPinList() + ")");
    }
    int channel = BoardPins.pwmChannel(board, pin);
    if (channel < 0) {
      throw s.errorAt(name, "GPIO " + pin + " has no hardware PWM: hardware PWM pins on " + board.label + " are "
          + BoardPins.pwmPinList());
    }
    if (pwmChannelOwners[channel] != null) {
      throw s.errorAt(name, "GPIO " + pin + " is on PWM channel " + channel + " like GPIO " + pwmChannelPins[channel]
          + " (" + pwmChannelOwners[channel] + "): on " + board.label + " use at most one of each pair 12/18 and 13/19");
    }
    claim(s, name, pin, s.key(name));
    pwmChannelOwners[channel] = s.key(name);
    pwmChannelPins[channel] = pin;
    return pin;
  }

  private void claim(YamlSection s, String name, int pin, String owner) {
    if (!BoardPins.usable(pin)) {
      throw s.errorAt(name, "GPIO " + pin + " is not usable on " + board.label + ": BCM " + BoardPins.FIRST_GPIO + ".."
          + BoardPins.LAST_GPIO + " (0 and 1 are the HAT EEPROM bus)");
    }
    String before = pinOwners.putIfAbsent(pin, owner);
    if (before != null) {
      throw s.errorAt(name, "GPIO " + pin + " is already used by " + before);
    }
  }

  /** The pins of a bus, claimed once by its first device. */
  private void claimBus(YamlSection s, String name, String bus, List<Integer> pins) {
    if (busOwners.containsKey(bus)) {
      return;
    }
    String owner = bus + " (" + s.path() + ")";
    for (int pin : pins) {
      String before = pinOwners.get(pin);
      if (before != null) {
        throw s.errorAt(name, bus + " needs GPIO " + pins.toString().replaceAll("[\\[\\]]", "") + "; GPIO " + pin
            + " is already used by " + before);
      }
    }
    for (int pin : pins) {
      pinOwners.put(pin, owner);
    }
    busOwners.put(bus, owner);
  }
}
