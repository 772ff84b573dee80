package io.nrledge.io.pi4j;

import com.pi4j.io.i2c.I2C;
import io.nrledge.profiles.Hardware;

/**
 * A TI ADS1115 16-bit ADC on I2C, single-ended inputs in volts. Single-shot conversions at
 * 860 samples/s, one input per sampling pass: each pass reads the conversion the previous pass
 * started and starts the next input's, so a pass interval of at least 1.2 ms (the conversion
 * time) never reads an unfinished result.
 */
final class Ads1115Device extends SampledDevice {
  static final int REG_CONVERSION = 0x00;
  static final int REG_CONFIG = 0x01;
  /** Full-scale ranges in volts, indexed by the config register's PGA bits (11:9). */
  static final double[] FULL_SCALE_VOLTS = {6.144, 4.096, 2.048, 1.024, 0.512, 0.256};
  private static final int OS_START = 0x8000;
  private static final int MUX_SINGLE_ENDED_AIN0 = 0x4; // MUX 100..111 = AINx against GND
  private static final int MODE_SINGLE_SHOT = 0x0100;
  private static final int RATE_860_SPS = 0x00E0;
  private static final int COMPARATOR_OFF = 0x0003;

  private final Hardware.Ads1115 spec;
  private final StandInWorld world;
  private final int pgaBits;
  private final byte[] word = new byte[2];
  private I2C i2c;
  private int converting;

  /** {@code world} supplies the registers on the mock platform; null on a real board. */
  Ads1115Device(Hardware.Ads1115 spec, StandInWorld world) {
    super(spec.key(), spec.maxAgeNs());
    this.spec = spec;
    this.world = world;
    this.pgaBits = pgaBits(spec.fullScaleVolts());
  }

  static int pgaBits(double fullScaleVolts) {
    for (int i = 0; i < FULL_SCALE_VOLTS.length; i++) {
      if (Math.abs(FULL_SCALE_VOLTS[i] - fullScaleVolts) < 1e-9) {
        return i;
      }
    }
    throw new IllegalArgumentException("ADS1115 full-scale range must be one of 6.144, 4.096, 2.048, 1.024, 0.512, 0.256 V,"
        + " got " + fullScaleVolts);
  }

  /** The config register value that starts a single-shot conversion of {@code input} (0–3). */
  static int configFor(int input, int pgaBits) {
    return OS_START | (MUX_SINGLE_ENDED_AIN0 + input) << 12 | pgaBits << 9 | MODE_SINGLE_SHOT | RATE_860_SPS
        | COMPARATOR_OFF;
  }

  @Override
  public int channels() {
    return spec.inputs().length;
  }

  @Override
  int passesPerRefresh() {
    return Pi4jSensors.passesPerRefresh(spec);
  }

  @Override
  public void open(Pi4jPlatform platform) {
    i2c = platform.context.create(I2C.newConfigBuilder(platform.context).id("i2c-" + spec.bus() + "-" + spec.address())
        .name(spec.key()).bus(spec.bus()).device(spec.address()).provider(platform.i2c));
    converting = 0;
    startConversion(spec.inputs()[0]);
  }

  private void startConversion(int input) {
    int config = configFor(input, pgaBits);
    word[0] = (byte) (config >> 8);
    word[1] = (byte) config;
    i2c.writeRegister(REG_CONFIG, word, 0, 2);
  }

  @Override
  void sample(SampleSlots slots, int first, long nowNs) {
    if (world != null) {
      world.ads1115(spec.key(), i2c, FULL_SCALE_VOLTS[pgaBits]);
    }
    int n = i2c.readRegister(REG_CONVERSION, word, 0, 2);
    if (n != 2) {
      throw new BusException(spec.key() + ": ADS1115 at 0x" + Integer.toHexString(spec.address())
          + " returned " + n + " bytes of its conversion register");
    }
    int raw = (short) ((word[0] & 0xFF) << 8 | word[1] & 0xFF);
    slots.publish(first + converting, raw * FULL_SCALE_VOLTS[pgaBits] / 32768.0, nowNs);
    converting = (converting + 1) % spec.inputs().length;
    startConversion(spec.inputs()[converting]);
  }
}
