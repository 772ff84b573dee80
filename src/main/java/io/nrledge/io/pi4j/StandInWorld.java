package io.nrledge.io.pi4j;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.spi.Spi;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The physical world behind the mock platform's I2C and SPI chips, for {@code run --mock} and
 * tests. Pi4J's mock chips only replay bytes queued into them (a FIFO per I2C register, one FIFO
 * per SPI device), so before each transaction the adapter lets this world read what the adapter
 * wrote (the ADS1115's config register, the MCP3008 request, the MPU-6050's power register) and
 * queue what the real chip would answer: slow sine waves in volts, an IMU lying flat and gently
 * rocking, zeros while the IMU sleeps. The adapter's register layout and conversions therefore
 * run for real. An {@link #unplug unplugged} chip answers nothing. Sampler thread only, except
 * {@link #unplug}; never used on a real board.
 */
public final class StandInWorld {
  private final long startNs = System.nanoTime();
  private final Set<String> unplugged = ConcurrentHashMap.newKeySet();
  private final Map<String, Boolean> imuAwake = new ConcurrentHashMap<>();
  private final byte[] scratch = new byte[64];
  private final byte[] burst = new byte[14];

  /** From now on the chip declared at {@code key} ({@code sensors[0]}) answers nothing, as if its wires came off. Any thread. */
  public void unplug(String key) {
    unplugged.add(key);
  }

  private double seconds() {
    return (System.nanoTime() - startNs) / 1e9;
  }

  /** A plausible analog level in [0, 1] of a range, different per input, changing over seconds. */
  private double level(int input) {
    return 0.5 + 0.4 * Math.sin(2 * Math.PI * seconds() / (2.0 + input) + input);
  }

  private void drain(I2C i2c, int register) {
    while (i2c.readRegister(register, scratch, 0, scratch.length) > 0) {
      // the mock keeps every byte ever written to a register: forget what has been consumed
    }
  }

  /** Answers the conversion the adapter started: decodes its config register (input, range) and queues the result. */
  void ads1115(String key, I2C i2c, double adapterFullScale) {
    int n = i2c.readRegister(Ads1115Device.REG_CONFIG, scratch, 0, 2);
    drain(i2c, Ads1115Device.REG_CONFIG);
    drain(i2c, Ads1115Device.REG_CONVERSION);
    if (unplugged.contains(key) || n != 2) {
      return;
    }
    int config = (scratch[0] & 0xFF) << 8 | scratch[1] & 0xFF;
    int mux = config >> 12 & 0x7;
    int pga = config >> 9 & 0x7;
    if ((config & 0x8000) == 0 || mux < 4 || pga >= Ads1115Device.FULL_SCALE_VOLTS.length) {
      return; // no single-ended conversion was started: the chip has nothing new to say
    }
    double fullScale = Ads1115Device.FULL_SCALE_VOLTS[pga];
    double volts = Math.min(3.3, adapterFullScale) * level(mux - 4);
    int code = (int) Math.min(32767, Math.round(volts / fullScale * 32768));
    scratch[0] = (byte) (code >> 8);
    scratch[1] = (byte) code;
    i2c.writeRegister(Ads1115Device.REG_CONVERSION, scratch, 0, 2);
  }

  /** Queues the MCP3008's answer to {@code request} (after dropping the echo of the last transfer). */
  void mcp3008(String key, Spi spi, byte[] request, double referenceVolts) {
    while (spi.read(scratch, 0, scratch.length) > 0) {
      // the mock queues what each transfer wrote after what it read: drop it
    }
    byte[] answer = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}; // MISO floats high when nothing answers
    if (!unplugged.contains(key) && (request[0] & 0x01) != 0 && (request[1] & 0x80) != 0) {
      int input = request[1] >> 4 & 0x7;
      int code = (int) Math.min(1023, Math.round(Math.min(3.3, referenceVolts) * level(input) / referenceVolts * 1024));
      answer[0] = 0;
      answer[1] = (byte) (code >> 8 & 0x03);
      answer[2] = (byte) code;
    }
    spi.write(answer, 0, answer.length);
  }

  /** Queues the MPU-6050's identity for the adapter's WHO_AM_I check. */
  void mpu6050Identity(I2C i2c) {
    i2c.writeRegister(Mpu6050Device.REG_WHO_AM_I, (byte) Mpu6050Device.WHO_AM_I);
  }

  /** Queues one 14-byte burst: zeros while asleep (power-on state until PWR_MGMT_1 clears SLEEP), else flat and rocking. */
  void mpu6050(String key, I2C i2c) {
    int n;
    while ((n = i2c.readRegister(Mpu6050Device.REG_PWR_MGMT_1, scratch, 0, scratch.length)) > 0) {
      imuAwake.put(key, (scratch[n - 1] & 0x40) == 0);
    }
    drain(i2c, Mpu6050Device.REG_ACCEL_XOUT_H);
    if (unplugged.contains(key)) {
      return;
    }
    java.util.Arrays.fill(burst, (byte) 0);
    if (imuAwake.getOrDefault(key, false)) {
      double t = seconds();
      double tilt = 0.1 * Math.sin(2 * Math.PI * t / 3);
      put(0, Math.sin(tilt) * Mpu6050Device.ACCEL_LSB_PER_G);
      put(2, 0);
      put(4, Math.cos(tilt) * Mpu6050Device.ACCEL_LSB_PER_G);
      put(8, Math.toDegrees(0.1 * 2 * Math.PI / 3 * Math.cos(2 * Math.PI * t / 3)) * Mpu6050Device.GYRO_LSB_PER_DEG_S);
    }
    i2c.writeRegister(Mpu6050Device.REG_ACCEL_XOUT_H, burst, 0, burst.length);
  }

  private void put(int offset, double raw) {
    int v = (int) Math.max(-32768, Math.min(32767, Math.round(raw)));
    burst[offset] = (byte) (v >> 8);
    burst[offset + 1] = (byte) v;
  }
}
