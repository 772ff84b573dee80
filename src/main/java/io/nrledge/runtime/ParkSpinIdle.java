package io.nrledge.runtime;

import io.nrledge.io.NanoClock;
import java.util.concurrent.locks.LockSupport;

/**
 * Parks until {@code spinNs} before the deadline, then spins: near-spin timing at a fraction of a
 * core. {@code spinNs} must cover the OS's wake-up lateness (timer slack is 50 µs on Linux).
 */
public final class ParkSpinIdle implements IdleStrategy {
  public static final long DEFAULT_SPIN_NS = 150_000;

  private final NanoClock clock;
  private final long spinNs;

  /** Throws {@link IllegalArgumentException} ("spin: …") unless 0 ≤ {@code spinNs} < {@code periodNs}. */
  public static void checkSpin(long spinNs, long periodNs) {
    if (spinNs < 0 || spinNs >= periodNs) {
      throw new IllegalArgumentException("spin: must be >= 0 and shorter than the period (" + periodNs
          + " ns), got " + spinNs + " ns");
    }
  }

  public ParkSpinIdle(NanoClock clock, long spinNs) {
    if (spinNs < 0) {
      throw new IllegalArgumentException("spin window must be >= 0 ns, got " + spinNs);
    }
    this.clock = clock;
    this.spinNs = spinNs;
  }

  @Override
  public long awaitDeadline(long deadlineNs) {
    final long parkUntil = deadlineNs - spinNs;
    long now;
    while ((now = clock.nanoTime()) - parkUntil < 0) {
      LockSupport.parkNanos(parkUntil - now);
    }
    while ((now = clock.nanoTime()) - deadlineNs < 0) {
      Thread.onSpinWait();
    }
    return now;
  }

  @Override
  public String name() {
    return IdleStrategies.PARK_SPIN;
  }
}
