package io.nrledge.telemetry;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * A nanosecond latency histogram with one writer (the control thread) and one reader at a time
 * (the supervisor, then the summary). The writer records into HdrHistogram's
 * {@link SingleWriterRecorder} with a fixed range, so recording never resizes or allocates;
 * values above the range are clamped to it. The reader swaps out the interval histogram,
 * recycling the previous one, and adds it to a running total: after the first fold, folding
 * allocates nothing.
 */
public final class LatencyRecorder {
  private static final long LOWEST_NS = 1;
  private static final int DIGITS = 3;

  private final long highestNs;
  private final SingleWriterRecorder recorder;
  private final Histogram total;
  private Histogram interval;

  /** Records values in [0, highestNs]. Not real-time safe. */
  public LatencyRecorder(long highestNs) {
    this.highestNs = highestNs;
    this.recorder = new SingleWriterRecorder(LOWEST_NS, highestNs, DIGITS);
    this.total = new Histogram(LOWEST_NS, highestNs, DIGITS);
    this.interval = recorder.getIntervalHistogram();
  }

  /** Writer thread only. Negative values count as 0, values above the range as the range's top. Real-time safe. */
  public void record(long valueNs) {
    recorder.recordValue(clamp(valueNs));
  }

  /**
   * Writer thread only: {@code count} values {@code firstNs, firstNs + stepNs, …}, clamped like
   * {@link #record}; the values past the range are recorded at once. Real-time safe.
   */
  public void recordSeries(long firstNs, long stepNs, long count) {
    long value = firstNs;
    for (long i = 0; i < count; i++, value += stepNs) {
      if (value >= highestNs) {
        recorder.recordValueWithCount(highestNs, count - i);
        return;
      }
      recorder.recordValue(clamp(value));
    }
  }

  private long clamp(long valueNs) {
    return valueNs < 0 ? 0 : Math.min(valueNs, highestNs);
  }

  /** Reader thread only: moves what was recorded since the last fold into {@link #interval()} and the total. */
  public void fold() {
    interval = recorder.getIntervalHistogram(interval);
    total.add(interval);
  }

  /** Reader thread only: what the last {@link #fold()} moved. Read it, never keep or change it. */
  public Histogram interval() {
    return interval;
  }

  /** Reader thread only: everything folded so far. Read it, never keep or change it. */
  public Histogram total() {
    return total;
  }
}
