package io.nrledge.telemetry;

/**
 * Reward per tick over the whole run at a bounded resolution, for continuing tasks that have no
 * episodes to average: the control thread adds each credited reward to the current bucket and
 * closes a bucket every {@code ticksPerBucket} ticks; when all buckets are used, neighbours are
 * merged in pairs and the bucket length doubles, so any run length fits in the same preallocated
 * array with between half and all of its buckets in use. Written by the control thread only; read
 * after it has stopped (or finished its last tick), never during the run.
 */
public final class RewardWindows {
  private final double[] sums;
  private int used;
  private long ticksPerBucket = 1;
  private long ticksInCurrent;

  /** {@code buckets} must be even and ≥ 20. Not real-time safe. */
  public RewardWindows(int buckets) {
    if (buckets < 20 || buckets % 2 != 0) {
      throw new IllegalArgumentException("buckets must be even and >= 20, got " + buckets);
    }
    this.sums = new double[buckets];
  }

  /** Control thread: a reward credited during the current tick. Real-time safe. */
  public void credit(double reward) {
    sums[used] += reward;
  }

  /** Control thread: the current tick is over. Real-time safe. */
  public void tickEnded() {
    if (++ticksInCurrent < ticksPerBucket) {
      return;
    }
    ticksInCurrent = 0;
    if (++used < sums.length) {
      return;
    }
    int half = sums.length / 2;
    for (int i = 0; i < half; i++) {
      sums[i] = sums[2 * i] + sums[2 * i + 1];
    }
    java.util.Arrays.fill(sums, half, sums.length, 0.0);
    used = half;
    ticksPerBucket *= 2;
  }

  /** Ticks recorded so far. */
  public long ticks() {
    return used * ticksPerBucket + ticksInCurrent;
  }

  /**
   * Mean reward per 1,000 ticks between tick {@code from} (inclusive) and {@code to} (exclusive);
   * a bucket cut by either end counts in proportion to its ticks inside. NaN for an empty range.
   */
  public double ratePer1000(long from, long to) {
    from = Math.max(0, from);
    to = Math.min(ticks(), to);
    if (to <= from) {
      return Double.NaN;
    }
    double sum = 0;
    for (int b = 0; b <= used && b < sums.length; b++) {
      long start = b * ticksPerBucket;
      long length = b < used ? ticksPerBucket : ticksInCurrent;
      long overlap = Math.min(to, start + length) - Math.max(from, start);
      if (overlap > 0) {
        sum += sums[b] * overlap / length;
      }
    }
    return 1000.0 * sum / (to - from);
  }

  /** Rates per 1,000 ticks over {@code n} equal consecutive windows of the run; NaN where a window is empty. */
  public double[] windowRates(int n) {
    double[] rates = new double[n];
    long total = ticks();
    for (int w = 0; w < n; w++) {
      rates[w] = ratePer1000(total * w / n, total * (w + 1) / n);
    }
    return rates;
  }
}
