package io.nrledge.runtime;

import io.nrledge.io.NanoClock;
import java.util.concurrent.locks.LockSupport;

/** Parks until the deadline: cheapest on CPU, late by the OS timer slack (tens of microseconds on Linux). */
public final class ParkIdle implements IdleStrategy {
  private final NanoClock clock;

  public ParkIdle(NanoClock clock) {
    this.clock = clock;
  }

  @Override
  public long awaitDeadline(long deadlineNs) {
    long now;
    while ((now = clock.nanoTime()) - deadlineNs < 0) {
      LockSupport.parkNanos(deadlineNs - now);
    }
    return now;
  }

  @Override
  public String name() {
    return IdleStrategies.PARK;
  }
}
