package io.nrledge.telemetry;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * The low-priority thread that watches the control loop from outside: every interval it redraws a
 * one-line status on a terminal (percentiles of the interval just ended) and reports a new fault —
 * at most one line per interval, so a fault storm cannot flood the console. It only reads what the
 * control thread publishes; it never touches the loop.
 *
 * <p>It is garbage-aware like the control thread (a GC pause stops every thread): histograms are
 * folded into recycled ones, lines are formatted into one reused buffer. Only a fault report that
 * names a thrown exception allocates (its message), at most once per interval. It also measures
 * what the whole process allocates per second once the loop's warm-up is over.
 *
 * <p>It also writes the run's milestones to the text log through {@link RunLog} — faults,
 * recoveries, every {@value #EPISODES_PER_LOG_LINE}th episode — at most one line of each per
 * interval; those calls allocate, as tinylog does, on this thread only.
 */
public final class Supervisor implements AutoCloseable {
  private final LoopTelemetry telemetry;
  private final LongSupplier eventDrops;
  private final PrintStream out;
  private final boolean statusLine;
  private final long intervalMs;
  private final long warmupTicks;
  private final Thread thread;
  private final AsciiLine line = new AsciiLine(512);
  private final FaultRecord fault = new FaultRecord();
  private final ProcessAllocation allocation = new ProcessAllocation();
  private long lastTicks;
  private long lastNs;
  /** An episode milestone reaches the log every this many episodes. */
  public static final long EPISODES_PER_LOG_LINE = 100;
  private long reportedFaults;
  private long loggedRecoveries;
  private long loggedEpisodes;
  private boolean drewStatus;

  /**
   * @param warmupTicks the process allocation rate is measured from the first interval that sees
   *     this many ticks
   */
  public Supervisor(LoopTelemetry telemetry, LongSupplier eventDrops, PrintStream out, boolean statusLine,
      long intervalMs, long warmupTicks) {
    this.telemetry = telemetry;
    this.eventDrops = eventDrops;
    this.out = out;
    this.statusLine = statusLine;
    this.intervalMs = intervalMs;
    this.warmupTicks = warmupTicks;
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
    allocation.sample();
    if (drewStatus) {
      line.clear().append("\r\033[2K").writeTo(out);
    }
  }

  /**
   * Bytes per second the whole process allocated from the end of warm-up to {@link #close()},
   * NaN when warm-up did not end while the supervisor watched or the JVM cannot tell.
   */
  public double processAllocBytesPerSecond() {
    return allocation.bytesPerSecond();
  }

  private void watch() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(intervalMs);
      } catch (InterruptedException e) {
        return;
      }
      if (!allocation.started() && telemetry.get(LoopCounter.TICKS) >= warmupTicks) {
        allocation.start();
      }
      reportFault();
      logMilestones();
      if (statusLine) {
        drawStatus();
      }
    }
  }

  private void reportFault() {
    final long faults = telemetry.get(LoopCounter.FAULTS);
    if (faults == reportedFaults || !telemetry.readLastFault(fault)) {
      return;
    }
    final long fresh = faults - reportedFaults;
    reportedFaults = faults;
    line.clear();
    if (drewStatus) {
      line.append("\r\033[2K");
    }
    line.append("nrl-edge: fault ").append(telemetry.faultName(fault.kind))
        .append(" in phase ").append(telemetry.phaseName(fault.phase));
    if (fault.channel >= 0) {
      line.append(" on channel ").append(fault.channel);
    }
    line.append(" at tick ").append(fault.tick);
    if (fault.cause != null) {
      line.append(" (").append(String.valueOf(fault.cause)).append(')');
    }
    line.append(": actuators safe, learning frozen");
    if (fresh > 1) {
      line.append(" (").append(fresh - 1).append(" more since the last report)");
    }
    line.append("\n").writeTo(out);
    RunLog.warn("fault " + telemetry.faultName(fault.kind) + " in phase " + telemetry.phaseName(fault.phase)
        + (fault.channel >= 0 ? " on channel " + fault.channel : "") + " at tick " + fault.tick
        + (fault.cause != null ? " (" + fault.cause + ")" : "") + ": actuators safe, learning frozen"
        + (fresh > 1 ? " (" + (fresh - 1) + " more since the last report)" : ""));
  }

  /** Recoveries and episode milestones for the log, one line of each at most per interval. */
  private void logMilestones() {
    final long recoveries = telemetry.get(LoopCounter.RECOVERIES);
    if (recoveries != loggedRecoveries) {
      loggedRecoveries = recoveries;
      RunLog.info("recovered from safe state (" + recoveries + " recoveries so far)");
    }
    final EpisodeStats e = telemetry.episodes();
    final long episodes = e.episodes();
    if (episodes / EPISODES_PER_LOG_LINE != loggedEpisodes / EPISODES_PER_LOG_LINE) {
      loggedEpisodes = episodes;
      RunLog.info("episode " + episodes + ": moving average " + e.movingAverage() + " over the last "
          + Math.min(episodes, e.windowEpisodes()) + ", best " + e.bestMovingAverage() + ", ticks "
          + telemetry.get(LoopCounter.TICKS));
    }
  }

  private void drawStatus() {
    telemetry.fold();
    final long ticks = telemetry.get(LoopCounter.TICKS);
    final long now = System.nanoTime();
    final double rate = (ticks - lastTicks) * 1e9 / Math.max(1, now - lastNs);
    lastTicks = ticks;
    lastNs = now;
    final EpisodeStats e = telemetry.episodes();
    line.clear().append("\r\033[2K")
        .append("episode ").append(e.episodes())
        .append("  return ").append(e.lastReturn(), 1)
        .append("  ma").append(e.windowEpisodes()).append(' ').append(e.movingAverage(), 1)
        .append("  ticks/s ").append(rate, 0)
        .append("  late p99 ").append(telemetry.intervalLatenessNs().getValueAtPercentile(99) / 1e3, 1).append("us")
        .append("  tick p99 ").append(telemetry.intervalTickWorkNs().getValueAtPercentile(99) / 1e3, 1).append("us")
        .append("  overruns ").append(telemetry.get(LoopCounter.OVERRUNS))
        .append("  faults ").append(telemetry.get(LoopCounter.FAULTS))
        .append("  drops ").append(eventDrops.getAsLong())
        .writeTo(out);
    drewStatus = true;
  }
}
