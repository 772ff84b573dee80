package io.nrledge.io.pi4j;

import com.pi4j.io.i2c.I2C;
import io.nrledge.profiles.Hardware;

/**
 * An InvenSense MPU-6050 IMU on I2C: woken from sleep at open, ±2 g and ±250 °/s ranges, one
 * 14-byte burst read per pass (accelerometer, temperature, gyroscope; big-endian words), each
 * chosen axis published in m/s² or rad/s.
 */
final class Mpu6050Device extends SampledDevice {
  static final int REG_CONFIG = 0x1A;
  static final int REG_GYRO_CONFIG = 0x1B;
  static final int REG_ACCEL_CONFIG = 0x1C;
  static final int REG_ACCEL_XOUT_H = 0x3B;
  static final int REG_PWR_MGMT_1 = 0x6B;
  static final int REG_WHO_AM_I = 0x75;
  static final int WHO_AM_I = 0x68;
  static final double ACCEL_LSB_PER_G = 16384.0;
  static final double GYRO_LSB_PER_DEG_S = 131.0;
  static final double G = 9.80665;
  /** Byte offset of each axis in the burst, in {@link Hardware.ImuAxis} order. */
  private static final int[] OFFSET = {0, 2, 4, 8, 10, 12};

  private final Hardware.Mpu6050 spec;
  private final StandInWorld world;
  private final int[] offsets;
  private final double[] scales;
  private final byte[] burst = new byte[14];
  private I2C i2c;

  /** {@code world} supplies the registers on the mock platform; null on a real board. */
  Mpu6050Device(Hardware.Mpu6050 spec, StandInWorld world) {
    super(spec.key(), spec.maxAgeNs());
    this.spec = spec;
    this.world = world;
    this.offsets = new int[spec.axes().size()];
    this.scales = new double[spec.axes().size()];
    for (int i = 0; i < offsets.length; i++) {
      Hardware.ImuAxis axis = spec.axes().get(i);
      offsets[i] = OFFSET[axis.ordinal()];
      scales[i] = axis.ordinal() < 3 ? G / ACCEL_LSB_PER_G : Math.toRadians(1.0 / GYRO_LSB_PER_DEG_S);
    }
  }

  @Override
  public int channels() {
    return offsets.length;
  }

  @Override
  public void open(Pi4jPlatform platform) {
    i2c = platform.context.create(I2C.newConfigBuilder(platform.context).id("i2c-" + spec.bus() + "-" + spec.address())
        .name(spec.key()).bus(spec.bus()).device(spec.address()).provider(platform.i2c));
    if (world != null) {
      world.mpu6050Identity(i2c);
    }
    int id = i2c.readRegister(REG_WHO_AM_I) & 0xFF;
    if ((id & 0x7E) != WHO_AM_I) {
      throw new IllegalStateException(spec.key() + ": no MPU-6050 at 0x" + Integer.toHexString(spec.address())
          + " on I2C bus " + spec.bus() + " (WHO_AM_I 0x" + Integer.toHexString(id) + ")");
    }
    i2c.writeRegister(REG_PWR_MGMT_1, (byte) 0x01); // awake, clocked from the X gyro's PLL
    i2c.writeRegister(REG_CONFIG, (byte) 0x03); // 44 Hz low-pass
    i2c.writeRegister(REG_GYRO_CONFIG, (byte) 0x00); // ±250 °/s
    i2c.writeRegister(REG_ACCEL_CONFIG, (byte) 0x00); // ±2 g
  }

  @Override
  void sample(SampleSlots slots, int first, long nowNs) {
    if (world != null) {
      world.mpu6050(spec.key(), i2c);
    }
    int n = i2c.readRegister(REG_ACCEL_XOUT_H, burst, 0, burst.length);
    if (n != burst.length) {
      throw new BusException(spec.key() + ": MPU-6050 at 0x" + Integer.toHexString(spec.address()) + " returned " + n
          + " of 14 bytes");
    }
    for (int i = 0; i < offsets.length; i++) {
      int raw = (short) ((burst[offsets[i]] & 0xFF) << 8 | burst[offsets[i] + 1] & 0xFF);
      slots.publish(first + i, raw * scales[i], nowNs);
    }
  }
}
