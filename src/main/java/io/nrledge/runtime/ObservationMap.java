package io.nrledge.runtime;

/**
 * Turns raw sensor readings into the learner's observation, {@code obs_i = (raw_i − offset_i) ·
 * scale_i}, and rejects readings that are not finite or lie outside the channel's plausible range
 * {@code [min_i, max_i]} (checked on the raw value). Never allocates after construction.
 */
public final class ObservationMap {
  private final double[] offset;
  private final double[] scale;
  private final double[] min;
  private final double[] max;
  private int badChannel = -1;

  /** Not real-time safe. All arrays have one entry per channel. */
  public ObservationMap(double[] offset, double[] scale, double[] min, double[] max) {
    int n = offset.length;
    if (scale.length != n || min.length != n || max.length != n) {
      throw new IllegalArgumentException("observation offset, scale, min and max need one entry per channel");
    }
    this.offset = offset.clone();
    this.scale = scale.clone();
    this.min = min.clone();
    this.max = max.clone();
  }

  /** Identity mapping without range limits (NaN and ∞ are still rejected). */
  public static ObservationMap identity(int channels) {
    double[] zero = new double[channels];
    double[] one = new double[channels];
    double[] lo = new double[channels];
    double[] hi = new double[channels];
    java.util.Arrays.fill(one, 1.0);
    java.util.Arrays.fill(lo, Double.NEGATIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
    return new ObservationMap(zero, one, lo, hi);
  }

  public int channels() {
    return offset.length;
  }

  /** Fills {@code out}; false if some channel was invalid ({@link #badChannel()} says which). Real-time safe. */
  public boolean map(double[] raw, double[] out) {
    for (int i = 0; i < offset.length; i++) {
      double v = raw[i];
      if (!(v >= min[i] && v <= max[i]) || !Double.isFinite(v)) {
        badChannel = i;
        return false;
      }
      out[i] = (v - offset[i]) * scale[i];
    }
    return true;
  }

  /** The channel that failed the last check, or −1. */
  public int badChannel() {
    return badChannel;
  }
}
