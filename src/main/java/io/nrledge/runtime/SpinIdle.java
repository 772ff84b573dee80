package io.nrledge.runtime;

import io.nrledge.io.NanoClock;

/** Busy-spins until the deadline: the timing limit, at the price of a whole core. */
public final class SpinIdle implements IdleStrategy {
  private final NanoClock clock;

  public SpinIdle(NanoClock clock) {
    this.clock = clock;
  }

  @Override
  public long awaitDeadline(long deadlineNs) {
    long now;
    while ((now = clock.nanoTime()) - deadlineNs < 0) {
      Thread.onSpinWait();
    }
    return now;
  }

  @Override
  public String name() {
    return IdleStrategies.SPIN;
  }
}
