package io.nrledge.io;

/**
 * A clock that moves only when told to: the virtual time of fast runs and of tests. Readable
 * from any thread; advanced by one thread at a time.
 */
public final class ManualNanoClock implements NanoClock {
  private volatile long nowNs;

  public ManualNanoClock(long startNs) {
    this.nowNs = startNs;
  }

  @Override
  public long nanoTime() {
    return nowNs;
  }

  /** Moves the clock forward by {@code ns} (≥ 0). Real-time safe. */
  public void advance(long ns) {
    if (ns < 0) {
      throw new IllegalArgumentException("a clock never goes back: " + ns);
    }
    nowNs += ns;
  }

  /** Moves the clock to {@code ns} if that is later than now. Real-time safe. */
  public void advanceTo(long ns) {
    if (ns - nowNs > 0) {
      nowNs = ns;
    }
  }
}
