package io.nrledge.io;

/** A monotonic nanosecond clock; compare its readings as {@code a - b < 0}, never {@code a < b}. */
public interface NanoClock {

  /** The current reading. Real-time safe. */
  long nanoTime();
}
