package io.nrledge.bridge;

/**
 * How to reach and configure one microcontroller: the serial device, its channel counts, the
 * sample period and failsafe timeout sent to it in CONFIG (the host uses the same timeout to
 * declare the link lost), the plant it should drive, and how long to wait for it to answer.
 * Validated on construction.
 *
 * @param port serial device path ({@code /dev/ttyACM0}, a pty or its symlink)
 * @param plant {@link BridgeProtocol#PLANT_PINS} or {@link BridgeProtocol#PLANT_TRACK}
 */
public record BridgeSettings(String port, int baud, int sensors, int actuators, int samplePeriodUs,
    int failsafeTimeoutMs, int plant, long connectTimeoutNs) {

  public static final int DEFAULT_BAUD = 115_200;
  public static final int DEFAULT_SAMPLE_PERIOD_US = 5_000;
  public static final int DEFAULT_FAILSAFE_TIMEOUT_MS = 100;
  public static final long DEFAULT_CONNECT_TIMEOUT_NS = 5_000_000_000L;

  public BridgeSettings {
    if (port == null || port.isBlank()) {
      throw new IllegalArgumentException("port: a serial device path is required");
    }
    if (baud < 300 || baud > 4_000_000) {
      throw new IllegalArgumentException("baud: must be 300..4000000, got " + baud);
    }
    if (sensors < 1 || sensors > BridgeProtocol.MAX_CHANNELS || actuators < 1 || actuators > BridgeProtocol.MAX_CHANNELS) {
      throw new IllegalArgumentException("channels: 1.." + BridgeProtocol.MAX_CHANNELS + " sensors and actuators, got "
          + sensors + " and " + actuators);
    }
    if (samplePeriodUs < 1000 || samplePeriodUs > 1_000_000) {
      throw new IllegalArgumentException("sample-period: must be 1ms..1s, got " + samplePeriodUs + " us");
    }
    if (failsafeTimeoutMs < 10 || failsafeTimeoutMs > 60_000) {
      throw new IllegalArgumentException("failsafe-timeout: must be 10ms..60s, got " + failsafeTimeoutMs + " ms");
    }
    if (plant != BridgeProtocol.PLANT_PINS && plant != BridgeProtocol.PLANT_TRACK) {
      throw new IllegalArgumentException("plant: must be pins or track");
    }
    if (connectTimeoutNs <= 0) {
      throw new IllegalArgumentException("connect-timeout: must be > 0");
    }
  }

  public long failsafeTimeoutNs() {
    return failsafeTimeoutMs * 1_000_000L;
  }
}
