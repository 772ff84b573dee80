package io.nrledge.profiles;

import io.nrledge.profiles.Hardware.BoardModel;
import java.util.List;

/**
 * What the 40-pin header of each supported board offers, by BCM GPIO number: the usable pins,
 * the hardware-PWM pins and their PWM channels, and the pins each I2C and SPI bus occupies. The
 * one owner of these facts: the profile checks and the Pi4J adapters both ask here. Checked
 * against {@code pinctrl funcs 12-13,18-19} output for BCM2711 (Pi 4) and RP1 (Pi 5) and the
 * Raspberry Pi pinout. Must never touch hardware.
 */
public final class BoardPins {
  /** Lowest GPIO a profile may use: GPIO 0 and 1 are the HAT ID EEPROM bus (ID_SD/ID_SC). */
  public static final int FIRST_GPIO = 2;
  public static final int LAST_GPIO = 27;
  /** The pins with a hardware PWM function, on both boards. */
  public static final List<Integer> PWM_PINS = List.of(12, 13, 18, 19);
  /** The one I2C bus on the header: I2C1 on GPIO 2 (SDA) and 3 (SCL). */
  public static final int I2C_BUS = 1;
  public static final List<Integer> I2C1_PINS = List.of(2, 3);
  /** SPI0: MISO 9, MOSI 10, SCLK 11; SPI1: MISO 19, MOSI 20, SCLK 21. */
  private static final List<List<Integer>> SPI_PINS = List.of(List.of(9, 10, 11), List.of(19, 20, 21));
  /** Chip-select pins by bus: SPI0 CE0 8, CE1 7; SPI1 CE0 18, CE1 17, CE2 16. */
  private static final List<List<Integer>> SPI_CHIP_SELECTS = List.of(List.of(8, 7), List.of(18, 17, 16));

  private BoardPins() {}

  /** Whether a profile may use GPIO {@code pin} on the header. */
  public static boolean usable(int pin) {
    return pin >= FIRST_GPIO && pin <= LAST_GPIO;
  }

  /**
   * The PWM channel that drives {@code pin}, or −1 when the pin has no hardware PWM. Pi 4
   * (BCM2711 PWM0): 12 and 18 share channel 0, 13 and 19 channel 1. Pi 5 (RP1 PWM0): 12→0, 13→1,
   * 18→2, 19→3 (on the Pi 5 the Linux PWM address is this channel, not the pin).
   */
  public static int pwmChannel(BoardModel board, int pin) {
    return switch (board) {
      case RASPBERRY_PI_4 -> switch (pin) {
        case 12, 18 -> 0;
        case 13, 19 -> 1;
        default -> -1;
      };
      case RASPBERRY_PI_5 -> switch (pin) {
        case 12 -> 0;
        case 13 -> 1;
        case 18 -> 2;
        case 19 -> 3;
        default -> -1;
      };
    };
  }

  /** SPI buses on the header: 0 and 1. */
  public static int spiBuses() {
    return SPI_PINS.size();
  }

  /** MISO, MOSI and SCLK of SPI {@code bus}. */
  public static List<Integer> spiPins(int bus) {
    return SPI_PINS.get(bus);
  }

  /** The chip-select pins of SPI {@code bus}, CE0 first. */
  public static List<Integer> spiChipSelects(int bus) {
    return SPI_CHIP_SELECTS.get(bus);
  }

  /** "12, 13, 18, 19": for messages. */
  static String pwmPinList() {
    StringBuilder b = new StringBuilder();
    for (int p : PWM_PINS) {
      b.append(b.isEmpty() ? "" : ", ").append(p);
    }
    return b.toString();
  }
}
