package io.nrledge.telemetry;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The low-priority thread that watches the control loop from outside: every interval it folds the
 * loop's histograms, redraws a one-line status on a terminal, and reports new faults — at most one
 * line per interval, so a fault storm cannot flood the console. It only reads what the control
 * thread publishes; it never touches the loop.
 */
public final class Supervisor implements AutoCloseable {
  private final LoopTelemetry telemetry;
  private final LongSupplier eventDrops;
  private final PrintStream out;
  private final boolean statusLine;
  private final long intervalMs;
  private final Thread thread;
  private long lastTicks;
  private long lastNs;
  private long reportedFaults;
  private boolean drewStatus;

  public Supervisor(LoopTelemetry telemetry, LongSupplier eventDrops, PrintStream out, boolean statusLine, long intervalMs) {
    this.telemetry = telemetry;
    this.eventDrops = eventDrops;
    this.out = out;
    this.statusLine = statusLine;
    this.intervalMs = intervalMs;
    this.thread = new Thread(this::watch, "nrl-supervisor");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
  }

  public Supervisor start() {
    lastNs = System.nanoTime();
    thread.start();
    return this;
  }

  /** Stops the thread and clears the status line; the histograms stay readable for the summary. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (drewStatus) {
      out.print("\r\033[2K");
      out.flush();
    }
  }

  private void watch() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(intervalMs);
      } catch (InterruptedException e) {
        return;
      }
      LoopTelemetry.Snapshot snap = telemetry.snapshot();
      reportFaults();
      if (statusLine) {
        out.print("\r\033[2K" + status(snap));
        out.flush();
        drewStatus = true;
      }
    }
  }

  private void reportFaults() {
    long faults = telemetry.get(LoopCounter.FAULTS);
    if (faults == reportedFaults) {
      return;
    }
    long[] last = telemetry.lastFault();
    String kind = telemetry.faultNames()[(int) last[0]];
    String phase = telemetry.phaseNames()[(int) last[1]];
    long fresh = faults - reportedFaults;
    reportedFaults = faults;
    out.print((drewStatus ? "\r\033[2K" : "") + String.format(Locale.ROOT,
        "nrl-edge: fault %s in phase %s at tick %d: actuators safe, learning frozen%s%n",
        kind, phase, last[2], fresh > 1 ? " (" + (fresh - 1) + " more since the last report)" : ""));
    out.flush();
  }

  private String status(LoopTelemetry.Snapshot snap) {
    long ticks = telemetry.get(LoopCounter.TICKS);
    long now = System.nanoTime();
    double rate = (ticks - lastTicks) * 1e9 / Math.max(1, now - lastNs);
    lastTicks = ticks;
    lastNs = now;
    EpisodeStats e = telemetry.episodes();
    return String.format(Locale.ROOT,
        "episode %d  return %.1f  ma%d %.1f  ticks/s %.0f  late p99 %.1fus  tick p99 %.1fus  overruns %d  faults %d  drops %d",
        e.episodes(), e.lastReturn(), e.windowEpisodes(), e.movingAverage(), rate,
        snap.latenessNs().getValueAtPercentile(99) / 1e3, snap.tickWorkNs().getValueAtPercentile(99) / 1e3,
        telemetry.get(LoopCounter.OVERRUNS), telemetry.get(LoopCounter.FAULTS), eventDrops.getAsLong());
  }
}
