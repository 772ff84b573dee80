package io.nrledge.bench;

import io.nrledge.runtime.IdleStrategy;
import org.HdrHistogram.Histogram;

/**
 * Our loop's idle strategy seen from outside the loop, so the bench measures it against its
 * schedule as it measures the baselines: records each tick start against its deadline, and each
 * period the loop skipped (deadlines that jump by more than one period) as the lateness it caused,
 * up to the tick start that followed. Control thread; real-time safe, allocates nothing.
 */
final class ScheduleLateness implements IdleStrategy {
  private final IdleStrategy inner;
  private final long periodNs;
  private final long maxNs;
  private final Histogram lateness;
  private boolean roundStarted;
  private long lastDeadlineNs;

  /** Records into {@code lateness}, values capped at {@code maxNs}. */
  ScheduleLateness(IdleStrategy inner, long periodNs, Histogram lateness, long maxNs) {
    this.inner = inner;
    this.periodNs = periodNs;
    this.lateness = lateness;
    this.maxNs = maxNs;
  }

  /** The next deadline starts a new schedule (a new run of the loop). Control thread. */
  void newRound() {
    roundStarted = false;
  }

  @Override
  public long awaitDeadline(long deadlineNs) {
    final long now = inner.awaitDeadline(deadlineNs);
    if (roundStarted) {
      for (long skipped = lastDeadlineNs + periodNs; deadlineNs - skipped > 0; skipped += periodNs) {
        record(now - skipped);
      }
    }
    roundStarted = true;
    lastDeadlineNs = deadlineNs;
    record(now - deadlineNs);
    return now;
  }

  private void record(long ns) {
    lateness.recordValue(Math.max(0, Math.min(ns, maxNs)));
  }

  @Override
  public String name() {
    return inner.name();
  }
}
