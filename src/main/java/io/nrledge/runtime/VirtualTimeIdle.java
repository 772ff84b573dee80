package io.nrledge.runtime;

import io.nrledge.io.ManualNanoClock;

/** Fast mode: jumps the virtual clock to the deadline, so the loop runs as fast as the CPU allows. */
public final class VirtualTimeIdle implements IdleStrategy {
  private final ManualNanoClock clock;

  public VirtualTimeIdle(ManualNanoClock clock) {
    this.clock = clock;
  }

  @Override
  public long awaitDeadline(long deadlineNs) {
    clock.advanceTo(deadlineNs);
    return clock.nanoTime();
  }

  @Override
  public String name() {
    return "virtual";
  }
}
