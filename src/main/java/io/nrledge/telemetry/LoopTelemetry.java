package io.nrledge.telemetry;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Everything the control loop measures, written by the control thread without allocating or
 * locking and read by other threads: counters, per-phase and per-fault tallies, the worst time of
 * each phase, and three latency histograms (tick-start lateness, tick work time, event-to-tick
 * latency). Phase and fault names come from the runtime, which owns their meaning.
 *
 * <p>Readers on other threads fold the histograms without allocating ({@link #fold()}) and read
 * the latest fault as one consistent record ({@link #readLastFault}), published under a sequence
 * lock so a reader never sees one fault's kind with another's tick.
 */
public final class LoopTelemetry {
  /** Histogram range: 10 s covers any stall worth telling apart. */
  public static final long HIGHEST_TRACKABLE_NS = 10_000_000_000L;
  /** The first ticks of a run, whose work time is also kept apart to show cold code. */
  public static final long FIRST_TICKS = 1_000;
  private static final int REWARD_BUCKETS = 1_000;

  private final String[] phaseNames;
  private final String[] faultNames;
  private final AtomicLongArray counters = new AtomicLongArray(LoopCounter.values().length);
  private final AtomicLongArray phaseMaxNs;
  private final AtomicLongArray faultCounts;
  /** Sequence (odd while being written), kind, phase, channel, tick. */
  private final AtomicLongArray lastFault = new AtomicLongArray(5);
  private volatile Throwable lastFaultCause;
  private final LatencyRecorder lateness = new LatencyRecorder(HIGHEST_TRACKABLE_NS);
  private final LatencyRecorder tickWork = new LatencyRecorder(HIGHEST_TRACKABLE_NS);
  private final LatencyRecorder firstTicksWork = new LatencyRecorder(HIGHEST_TRACKABLE_NS);
  private final LatencyRecorder eventLatency = new LatencyRecorder(HIGHEST_TRACKABLE_NS);
  private final EpisodeStats episodes;
  private final RewardWindows rewardWindows = new RewardWindows(REWARD_BUCKETS);
  private RunRecorder recorder;

  /** Not real-time safe. */
  public LoopTelemetry(String[] phaseNames, String[] faultNames, int movingAverageWindow) {
    this.phaseNames = phaseNames.clone();
    this.faultNames = faultNames.clone();
    this.phaseMaxNs = new AtomicLongArray(phaseNames.length);
    this.faultCounts = new AtomicLongArray(faultNames.length);
    this.episodes = new EpisodeStats(movingAverageWindow);
  }

  /** Control thread. Real-time safe. */
  public void add(LoopCounter counter, long delta) {
    int i = counter.ordinal();
    counters.setRelease(i, counters.getPlain(i) + delta);
  }

  /** Control thread. Real-time safe. */
  public void increment(LoopCounter counter) {
    add(counter, 1);
  }

  /** Control thread: one phase took {@code ns}; keeps the maximum. Real-time safe. */
  public void phaseTime(int phase, long ns) {
    if (ns > phaseMaxNs.getPlain(phase)) {
      phaseMaxNs.setRelease(phase, ns);
    }
  }

  /**
   * Control thread: one fault of this kind, raised in {@code phase} on {@code channel} (−1: none
   * or unknown) during {@code tick}, caused by {@code cause} when a call threw (else null).
   * Real-time safe.
   */
  public void fault(int kind, int phase, int channel, long tick, Throwable cause) {
    faultCounts.setRelease(kind, faultCounts.getPlain(kind) + 1);
    final long seq = lastFault.getPlain(0);
    lastFault.setOpaque(0, seq + 1);
    VarHandle.storeStoreFence();
    lastFault.setOpaque(1, kind);
    lastFault.setOpaque(2, phase);
    lastFault.setOpaque(3, channel);
    lastFault.setOpaque(4, tick);
    lastFaultCause = cause;
    lastFault.setRelease(0, seq + 2);
    increment(LoopCounter.FAULTS);
  }

  /**
   * Any thread: copies the latest fault into {@code into}; false when there was none yet.
   * Allocates nothing.
   */
  public boolean readLastFault(FaultRecord into) {
    while (true) {
      final long before = lastFault.getAcquire(0);
      if (before == 0) {
        return false;
      }
      if ((before & 1) == 0) {
        into.kind = (int) lastFault.getOpaque(1);
        into.phase = (int) lastFault.getOpaque(2);
        into.channel = (int) lastFault.getOpaque(3);
        into.tick = lastFault.getOpaque(4);
        into.cause = lastFaultCause;
        VarHandle.loadLoadFence();
        if (lastFault.getOpaque(0) == before) {
          return true;
        }
      }
      Thread.onSpinWait();
    }
  }

  /** Control thread: a device, plant or learner call threw (the loop turned it into a status). Real-time safe. */
  public void deviceThrew() {
    increment(LoopCounter.DEVICE_EXCEPTIONS);
  }

  /**
   * Control thread: how late a tick started after its deadline, and the periods skipped just
   * before it, each recorded with the lateness it caused (the skipped deadlines were served by
   * this tick's start: {@code lateNs + k·periodNs} for k = 1…skipped). Real-time safe.
   */
  public void lateness(long lateNs, long skipped, long periodNs) {
    lateness.record(lateNs);
    if (skipped > 0) {
      lateness.recordSeries(lateNs + periodNs, periodNs, skipped);
    }
  }

  /** Control thread: how long the work of tick {@code tick} (0-based) took. Real-time safe. */
  public void tickWork(long tick, long ns) {
    tickWork.record(ns);
    if (tick < FIRST_TICKS) {
      firstTicksWork.record(ns);
    }
  }

  /** Control thread: time from an event's timestamp to the tick that drained it. Real-time safe. */
  public void eventLatency(long ns) {
    eventLatency.record(ns);
  }

  /** Gives the loop a recorder for the telemetry file; call before the loop is built. Not real-time safe. */
  public void attach(RunRecorder runRecorder) {
    this.recorder = runRecorder;
  }

  /** The recorder the loop writes per-tick records into, or null for none. */
  public RunRecorder recorder() {
    return recorder;
  }

  public EpisodeStats episodes() {
    return episodes;
  }

  /** Reward over the run in windows; the control thread writes it, others read it after the run. */
  public RewardWindows rewardWindows() {
    return rewardWindows;
  }

  public long get(LoopCounter counter) {
    return counters.getAcquire(counter.ordinal());
  }

  public long phaseMaxNs(int phase) {
    return phaseMaxNs.getAcquire(phase);
  }

  public long faultCount(int kind) {
    return faultCounts.getAcquire(kind);
  }

  /** Phase name by index, without copying. */
  public String phaseName(int phase) {
    return phaseNames[phase];
  }

  /** Fault kind name by index, without copying. */
  public String faultName(int kind) {
    return faultNames[kind];
  }

  public String[] phaseNames() {
    return phaseNames.clone();
  }

  public String[] faultNames() {
    return faultNames.clone();
  }

  /**
   * One reader at a time (the supervisor, then the summary): moves what the control thread
   * recorded since the last fold into the interval and total histograms. Allocates nothing.
   */
  public void fold() {
    lateness.fold();
    tickWork.fold();
    firstTicksWork.fold();
    eventLatency.fold();
  }

  /** Tick-start lateness moved by the last {@link #fold()}; the folding thread only, read-only. */
  public org.HdrHistogram.Histogram intervalLatenessNs() {
    return lateness.interval();
  }

  /** Tick work time moved by the last {@link #fold()}; the folding thread only, read-only. */
  public org.HdrHistogram.Histogram intervalTickWorkNs() {
    return tickWork.interval();
  }

  /** One reader at a time, once the supervisor has stopped: folds, then copies the totals. Allocates. */
  public Snapshot snapshot() {
    fold();
    return new Snapshot(lateness.total().copy(), tickWork.total().copy(), firstTicksWork.total().copy(),
        eventLatency.total().copy());
  }

  /** Copies of the histograms at one moment; {@code firstTicksWorkNs} holds the first {@link #FIRST_TICKS} ticks. */
  public record Snapshot(
      org.HdrHistogram.Histogram latenessNs,
      org.HdrHistogram.Histogram tickWorkNs,
      org.HdrHistogram.Histogram firstTicksWorkNs,
      org.HdrHistogram.Histogram eventLatencyNs) {}
}
