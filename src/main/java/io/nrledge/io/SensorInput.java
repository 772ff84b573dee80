package io.nrledge.io;

/** A set of sensor channels read once per tick. Implementations must never block past their own timeout or throw. */
public interface SensorInput extends Device {

  /** Number of channels {@link #read} fills. */
  int channels();

  /** Fills {@code out[0..channels)} with the latest raw readings. Real-time safe. */
  IoStatus read(double[] out);
}
