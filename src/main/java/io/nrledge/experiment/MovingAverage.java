package io.nrledge.experiment;

/**
 * Trailing means over a run's per-episode returns, and when a run counts as solved. Every window
 * is summed afresh from its oldest value, so the result of a window never depends on the
 * episodes before it. Allocation-free except {@link #curve}.
 */
public final class MovingAverage {
  /** Episodes (trials) per window: the Gym convention for "solved". */
  public static final int WINDOW = 100;

  private MovingAverage() {}

  /** Mean of {@code values[end − window + 1 … end]}, or of {@code values[0 … end]} when fewer exist. */
  public static double trailingMean(double[] values, int end, int window) {
    int start = Math.max(0, end - window + 1);
    double sum = 0;
    for (int i = start; i <= end; i++) {
      sum += values[i];
    }
    return sum / (end - start + 1);
  }

  /** {@code curve[i] = trailingMean(values, i, window)} for the first {@code count} values. */
  public static double[] curve(double[] values, int count, int window) {
    double[] curve = new double[count];
    for (int i = 0; i < count; i++) {
      curve[i] = trailingMean(values, i, window);
    }
    return curve;
  }

  /** True when the full window ending at {@code end} has a mean ≥ {@code threshold} (never for NaN). */
  public static boolean reached(double[] values, int end, int window, double threshold) {
    return end + 1 >= window && trailingMean(values, end, window) >= threshold;
  }

  /**
   * The 1-based episode at which the mean of the last {@code window} episodes first reaches
   * {@code threshold} (so at least {@code window}), or −1 if it never does or the threshold is NaN.
   */
  public static int solvedAt(double[] values, int count, int window, double threshold) {
    for (int end = window - 1; end < count; end++) {
      if (reached(values, end, window, threshold)) {
        return end + 1;
      }
    }
    return -1;
  }

  /** Mean of the last {@code window} values (all of them when fewer); NaN when {@code count} is 0. */
  public static double finalMean(double[] values, int count, int window) {
    return count == 0 ? Double.NaN : trailingMean(values, count - 1, window);
  }
}
