package io.nrledge.io.pi4j;

/**
 * A bus or GPIO device whose transactions may allocate or take long (I2C, SPI, a GPIO line
 * read), so only the sampler thread talks to it: {@link #sample} publishes into
 * {@link SampleSlots} that the control thread reads. Never called from the control thread.
 */
abstract non-sealed class SampledDevice implements SensorPart {
  final String key;
  final long maxAgeNs;

  SampledDevice(String key, long maxAgeNs) {
    this.key = key;
    this.maxAgeNs = maxAgeNs;
  }

  @Override
  public String key() {
    return key;
  }

  /** Sampling passes needed to refresh every channel once (an ADC that converts one input per pass: its inputs). */
  int passesPerRefresh() {
    return 1;
  }


  /** One sampling pass: publishes channels {@code [first, first + channels())}; throws when the device failed. */
  abstract void sample(SampleSlots slots, int first, long nowNs);

  /** Thrown by a device whose transaction failed; the sampler marks its channels failed. */
  static final class BusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BusException(String message) {
      super(message);
    }
  }
}
