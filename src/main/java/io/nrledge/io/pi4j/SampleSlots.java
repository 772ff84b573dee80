package io.nrledge.io.pi4j;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The latest sample of each sensor channel, published by the one sampler thread and read by the
 * control thread without locks or allocation: per channel a volatile value (as raw double bits),
 * the {@code System.nanoTime()} it was taken at, and whether the last attempt failed. The writer
 * stores the value before the stamp and the reader loads the stamp first, so a reader can only
 * see a value newer than its stamp, never older (a sample is never taken for fresher than it is).
 */
final class SampleSlots {
  private final AtomicLongArray valueBits;
  private final AtomicLongArray stampNs;
  private final AtomicIntegerArray failed;

  SampleSlots(int channels) {
    valueBits = new AtomicLongArray(channels);
    stampNs = new AtomicLongArray(channels);
    failed = new AtomicIntegerArray(channels);
  }

  /** Sampler thread. */
  void publish(int channel, double value, long nowNs) {
    valueBits.set(channel, Double.doubleToRawLongBits(value));
    stampNs.set(channel, nowNs);
    failed.set(channel, 0);
  }

  /** Sampler thread: the last attempt at these channels failed. */
  void fail(int from, int count) {
    for (int c = from; c < from + count; c++) {
      failed.set(c, 1);
    }
  }

  /** Real-time safe. */
  boolean failed(int channel) {
    return failed.get(channel) != 0;
  }

  /** Real-time safe. Read before {@link #value}. */
  long stampNs(int channel) {
    return stampNs.get(channel);
  }

  /** Real-time safe. */
  double value(int channel) {
    return Double.longBitsToDouble(valueBits.get(channel));
  }
}
