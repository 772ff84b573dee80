package io.nrledge.io.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.linuxfs.provider.pwm.LinuxFsPwmProvider;
import com.pi4j.plugin.linuxfs.provider.spi.LinuxFsSpiProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;

/**
 * One Pi4J context, built explicitly (never by auto-detection), and the provider each kind of
 * I/O is created with: gpiod for digital I/O and linuxfs for PWM, I2C and SPI on a real board
 * (both work on the Pi 5), or Pi4J's mock platform and providers. {@link #close()} shuts the
 * context down; Pi4J's own shutdown hook is off and its threads are not daemons, so that call
 * must happen. Not real-time safe.
 */
public final class Pi4jPlatform implements AutoCloseable {
  final Context context;
  private final boolean mock;
  final String digitalInput;
  final String digitalOutput;
  final String pwm;
  final String i2c;
  final String spi;
  private boolean closed;

  private Pi4jPlatform(Context context, boolean mock, String digitalInput, String digitalOutput, String pwm,
      String i2c, String spi) {
    this.context = context;
    this.mock = mock;
    this.digitalInput = digitalInput;
    this.digitalOutput = digitalOutput;
    this.pwm = pwm;
    this.i2c = i2c;
    this.spi = spi;
  }

  /** Pi4J's in-memory mock platform: no hardware is touched. */
  public static Pi4jPlatform mock() {
    Context context = Pi4J.newContextBuilder().noAutoDetect().add(new MockPlatform())
        .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
            MockPwmProvider.newInstance(), MockI2CProvider.newInstance(), MockSpiProvider.newInstance())
        .build();
    return new Pi4jPlatform(context, true, MockDigitalInputProvider.ID, MockDigitalOutputProvider.ID,
        MockPwmProvider.ID, MockI2CProvider.ID, MockSpiProvider.ID);
  }

  /** A Raspberry Pi 4 or 5: gpiod (the chip labelled "pinctrl") and linuxfs (sysfs PWM, /dev/i2c-N, /dev/spidevB.C). */
  public static Pi4jPlatform raspberryPi() {
    Context context = Pi4J.newContextBuilder().noAutoDetect()
        .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance(),
            LinuxFsPwmProvider.newInstance(BoardInfoHelper.getPwmChipAddress()), LinuxFsI2CProvider.newInstance(),
            LinuxFsSpiProvider.newInstance())
        .build();
    return new Pi4jPlatform(context, false, GpioDDigitalInputProvider.ID, GpioDDigitalOutputProvider.ID,
        LinuxFsPwmProvider.ID, LinuxFsI2CProvider.ID, LinuxFsSpiProvider.ID);
  }

  /** True on the mock platform. */
  public boolean isMock() {
    return mock;
  }

  /** {@code mock} or {@code pi4j}, as run summaries name the platform. */
  public String label() {
    return mock ? "mock" : "pi4j";
  }

  /** Shuts the Pi4J context down (every I/O to its shutdown state, Pi4J's threads stopped); idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      context.shutdown();
    }
  }
}
