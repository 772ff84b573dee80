package io.nrledge.io;

/** A set of sensor channels read once per tick. Implementations must never block past their own timeout or throw. */
public interface SensorInput extends Device {

  /** Number of channels {@link #read} fills. */
  int channels();

  /** Fills {@code out[0..channels)} with the latest raw readings. Real-time safe. */
  IoStatus read(double[] out);

  /** The channel that failed the last {@link #read}, or −1 when none did or the device cannot tell. Real-time safe. */
  default int failedChannel() {
    return -1;
  }
}
