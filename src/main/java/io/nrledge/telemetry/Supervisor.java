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
 * recoveries (at most one line of each per interval) and the learning progress once per
 * {@value #PROGRESS_LOG_INTERVAL_MS} ms; those calls allocate, as tinylog does, on this thread only,
 * rarely enough that the process stays nearly garbage-free.
 */
public final class Supervisor implements AutoCloseable {
  private final LoopTelemetry telemetry;
  private final LongSupplier eventDrops;
  private final PrintStream out;
  private final boolean statusLine;
  private final long intervalMs;
  private final long warmupTicks;
  private final Thread thread;
  private static final String ERASE_LINE = "\r\033[2K";
  private static final String PREFIX = "nrl-edge: ";
  private final AsciiLine line = new AsciiLine(512);
  /** Log messages are built here, not by string concatenation: a concatenation site's first use spins
   *  up a class (~100 KB of garbage), which a minute into a run would break the garbage-free budget. */
  private final AsciiLine logLine = new AsciiLine(512);
  private final FaultRecord fault = new FaultRecord();
  private final ProcessAllocation allocation = new ProcessAllocation();
  private long lastTicks;
  private long lastNs;
  /** The learning progress reaches the log at most this often. */
  public static final long PROGRESS_LOG_INTERVAL_MS = 60_000;
  private long reportedFaults;
  private long loggedRecoveries;
  private long loggedEpisodes;
  private long progressLoggedNs = System.nanoTime();
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
      line.append(ERASE_LINE);
    }
    line.append(PREFIX).append("fault ").append(telemetry.faultName(fault.kind))
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
    // the log's line is the console's without the line erase, the "nrl-edge: " prefix and the newline
    RunLog.warn(logLine.clear().append(line, (drewStatus ? ERASE_LINE.length() : 0) + PREFIX.length(), 1).toString());
  }

  /** Recoveries (one line at most per interval) and the progress (once a minute, if episodes ended) for the log. */
  private void logMilestones() {
    final long recoveries = telemetry.get(LoopCounter.RECOVERIES);
    if (recoveries != loggedRecoveries) {
      loggedRecoveries = recoveries;
      RunLog.info(logLine.clear().append("recovered from safe state (").append(recoveries)
          .append(" recoveries so far)").toString());
    }
    final EpisodeStats e = telemetry.episodes();
    final long episodes = e.episodes();
    final long now = System.nanoTime();
    if (episodes != loggedEpisodes && now - progressLoggedNs >= PROGRESS_LOG_INTERVAL_MS * 1_000_000) {
      loggedEpisodes = episodes;
      progressLoggedNs = now;
      RunLog.info(logLine.clear().append("episode ").append(episodes).append(": moving average ")
          .append(e.movingAverage(), 2).append(" over the last ").append(Math.min(episodes, e.windowEpisodes()))
          .append(", best ").append(e.bestMovingAverage(), 2).append(", ticks ").append(telemetry.get(LoopCounter.TICKS))
          .toString());
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
