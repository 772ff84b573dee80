package io.nrledge.io;

/** Where event sources post timestamped events. Thread-safe for any number of posting threads. */
public interface EventSink {

  /**
   * Posts one event without blocking or allocating; returns false (and the sink counts a drop)
   * when there is no room. {@code timestampNs} is on the control loop's clock
   * ({@code System.nanoTime()} in real time). Real-time safe.
   */
  boolean post(EventKind kind, double value, long timestampNs);
}
