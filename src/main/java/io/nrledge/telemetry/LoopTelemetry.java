package io.nrledge.telemetry;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Everything the control loop measures, written by the control thread without allocating or
 * locking and read by other threads: counters, per-phase and per-fault tallies, the worst time of
 * each phase, and three latency histograms (tick-start lateness, tick work time, event-to-tick
 * latency). Phase and fault names come from the runtime, which owns their meaning.
 */
public final class LoopTelemetry {
  /** Histogram range: 10 s covers any stall worth telling apart. */
  public static final long HIGHEST_TRACKABLE_NS = 10_000_000_000L;

  private final String[] phaseNames;
  private final String[] faultNames;
  private final AtomicLongArray counters = new AtomicLongArray(LoopCounter.values().length);
  private final AtomicLongArray phaseMaxNs;
  private final AtomicLongArray faultCounts;
  private final AtomicLongArray lastFault = new AtomicLongArray(3);
  private final LatencyRecorder lateness = new LatencyRecorder(HIGHEST_TRACKABLE_NS);
  private final LatencyRecorder tickWork = new LatencyRecorder(HIGHEST_TRACKABLE_NS);
  private final LatencyRecorder eventLatency = new LatencyRecorder(HIGHEST_TRACKABLE_NS);
  private final EpisodeStats episodes;

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

  /** Control thread: one fault of this kind, raised in {@code phase} during {@code tick}. Real-time safe. */
  public void fault(int kind, int phase, long tick) {
    faultCounts.setRelease(kind, faultCounts.getPlain(kind) + 1);
    lastFault.setRelease(0, kind);
    lastFault.setRelease(1, phase);
    lastFault.setRelease(2, tick);
    increment(LoopCounter.FAULTS);
  }

  /** Control thread: how late a tick started after its deadline. Real-time safe. */
  public void lateness(long ns) {
    lateness.record(ns);
  }

  /** Control thread: how long a tick's work took. Real-time safe. */
  public void tickWork(long ns) {
    tickWork.record(ns);
  }

  /** Control thread: time from an event's timestamp to the tick that drained it. Real-time safe. */
  public void eventLatency(long ns) {
    eventLatency.record(ns);
  }

  public EpisodeStats episodes() {
    return episodes;
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

  /** The latest fault as {kind, phase, tick}; meaningful once {@link LoopCounter#FAULTS} > 0. */
  public long[] lastFault() {
    return new long[] {lastFault.getAcquire(0), lastFault.getAcquire(1), lastFault.getAcquire(2)};
  }

  public String[] phaseNames() {
    return phaseNames.clone();
  }

  public String[] faultNames() {
    return faultNames.clone();
  }

  /** One reader at a time (the supervisor, then the summary): the histograms so far. Allocates. */
  public Snapshot snapshot() {
    return new Snapshot(lateness.accumulate().copy(), tickWork.accumulate().copy(), eventLatency.accumulate().copy());
  }

  /** Copies of the three histograms at one moment. */
  public record Snapshot(
      org.HdrHistogram.Histogram latenessNs,
      org.HdrHistogram.Histogram tickWorkNs,
      org.HdrHistogram.Histogram eventLatencyNs) {}
}
