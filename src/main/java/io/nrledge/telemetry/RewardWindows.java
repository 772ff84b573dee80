package io.nrledge.telemetry;

/**
 * Reward per tick over the whole run at a bounded resolution, for continuing tasks that have no
 * episodes to average: the control thread adds each credited reward to the current bucket and
 * closes a bucket every {@code ticksPerBucket} ticks; when all buckets are used, neighbours are
 * merged in pairs and the bucket length doubles, so any run length fits in the same preallocated
 * array with between half and all of its buckets in use. The positive rewards (gains: a beacon,
 * not a bump) are kept apart as well, so where each reward source has one sign the rate of each
 * can be told over time. Written by the control thread only; read
 * after it has stopped (or finished its last tick), never during the run.
 */
public final class RewardWindows {
  private final double[] sums;
  private final double[] gains;
  private int used;
  private long ticksPerBucket = 1;
  private long ticksInCurrent;

  /** {@code buckets} must be even and ≥ 20. Not real-time safe. */
  public RewardWindows(int buckets) {
    if (buckets < 20 || buckets % 2 != 0) {
      throw new IllegalArgumentException("buckets must be even and >= 20, got " + buckets);
    }
    this.sums = new double[buckets];
    this.gains = new double[buckets];
  }

  /** Control thread: a reward credited during the current tick. Real-time safe. */
  public void credit(double reward) {
    sums[used] += reward;
    if (reward > 0) {
      gains[used] += reward;
    }
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
    mergePairs(sums);
    mergePairs(gains);
    used = sums.length / 2;
    ticksPerBucket *= 2;
  }

  /** Bytes of {@link #saveState}: both bucket arrays, the buckets used, the bucket length, the ticks in the current one. */
  public int stateBytes() {
    return 16 * sums.length + 4 + 8 + 8;
  }

  /** Control thread: writes the state. Real-time safe. */
  public void saveState(java.nio.ByteBuffer out) {
    for (double v : sums) {
      out.putDouble(v);
    }
    for (double v : gains) {
      out.putDouble(v);
    }
    out.putInt(used).putLong(ticksPerBucket).putLong(ticksInCurrent);
  }

  /** Before the run: reads what {@link #saveState} of the same bucket count wrote. Not real-time safe. */
  public void loadState(java.nio.ByteBuffer in) {
    for (int i = 0; i < sums.length; i++) {
      sums[i] = in.getDouble();
    }
    for (int i = 0; i < gains.length; i++) {
      gains[i] = in.getDouble();
    }
    int u = in.getInt();
    long length = in.getLong();
    long current = in.getLong();
    if (u < 0 || u >= sums.length || length < 1 || current < 0 || current >= length) {
      throw new IllegalArgumentException("reward windows: bucket " + u + ", length " + length + ", current " + current);
    }
    used = u;
    ticksPerBucket = length;
    ticksInCurrent = current;
  }

  private static void mergePairs(double[] buckets) {
    int half = buckets.length / 2;
    for (int i = 0; i < half; i++) {
      buckets[i] = buckets[2 * i] + buckets[2 * i + 1];
    }
    java.util.Arrays.fill(buckets, half, buckets.length, 0.0);
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
    return per1000(sums, from, to);
  }

  /** Like {@link #ratePer1000} for the positive rewards alone. */
  public double gainRatePer1000(long from, long to) {
    return per1000(gains, from, to);
  }

  private double per1000(double[] buckets, long from, long to) {
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
        sum += buckets[b] * overlap / length;
      }
    }
    return 1000.0 * sum / (to - from);
  }

  /** Rates per 1,000 ticks over {@code n} equal consecutive windows of the run; NaN where a window is empty. */
  public double[] windowRates(int n) {
    return windows(sums, n);
  }

  /** Like {@link #windowRates} for the positive rewards alone. */
  public double[] gainWindowRates(int n) {
    return windows(gains, n);
  }

  private double[] windows(double[] buckets, int n) {
    double[] rates = new double[n];
    long total = ticks();
    for (int w = 0; w < n; w++) {
      rates[w] = per1000(buckets, total * w / n, total * (w + 1) / n);
    }
    return rates;
  }
}
