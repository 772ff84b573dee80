package io.nrledge.telemetry;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * A nanosecond latency histogram with one writer (the control thread) and one reader at a time
 * (the supervisor, then the summary). The writer records into HdrHistogram's
 * {@link SingleWriterRecorder} with a fixed range, so recording never resizes or allocates;
 * values above the range are clamped to it and counted. The reader swaps out interval histograms,
 * recycling the previous one, and accumulates them.
 */
public final class LatencyRecorder {
  private static final long LOWEST_NS = 1;
  private static final int DIGITS = 3;

  private final long highestNs;
  private final SingleWriterRecorder recorder;
  private final Histogram total;
  private Histogram recycled;

  /** Records values in [0, highestNs]. Not real-time safe. */
  public LatencyRecorder(long highestNs) {
    this.highestNs = highestNs;
    this.recorder = new SingleWriterRecorder(LOWEST_NS, highestNs, DIGITS);
    this.total = new Histogram(LOWEST_NS, highestNs, DIGITS);
  }

  /** Writer thread only. Negative values count as 0, values above the range as the range's top. Real-time safe. */
  public void record(long valueNs) {
    recorder.recordValue(valueNs < 0 ? 0 : Math.min(valueNs, highestNs));
  }

  /** Reader thread only: folds what was recorded since the last call into the total and returns the total. */
  public Histogram accumulate() {
    recycled = recorder.getIntervalHistogram(recycled);
    total.add(recycled);
    return total;
  }
}
