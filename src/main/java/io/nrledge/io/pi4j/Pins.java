package io.nrledge.io.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.nrledge.profiles.Hardware;

/** Creating GPIO inputs and naming Pi4J I/O ids, in one place. Not real-time safe. */
final class Pins {
  private Pins() {}

  /** The Pi4J id of a GPIO line: {@code gpio17}. Pins are unique on a board, so ids are too. */
  static String gpioId(int pin) {
    return "gpio" + pin;
  }

  /**
   * A GPIO input with its pull resistor. On the mock platform, whose inputs start in an unknown
   * state, the line rests at its pull's level, as a real open input does.
   */
  static DigitalInput input(Pi4jPlatform platform, String name, int pin, Hardware.Pull pull) {
    DigitalInput input = platform.context.create(DigitalInput.newConfigBuilder(platform.context).id(gpioId(pin)).name(name)
        .address(pin).pull(switch (pull) {
          case UP -> PullResistance.PULL_UP;
          case DOWN -> PullResistance.PULL_DOWN;
          case NONE -> PullResistance.OFF;
        }).debounce(0L).provider(platform.digitalInput));
    if (input instanceof MockDigitalInput mock) {
      mock.mockState(pull == Hardware.Pull.UP ? DigitalState.HIGH : DigitalState.LOW);
    }
    return input;
  }
}
