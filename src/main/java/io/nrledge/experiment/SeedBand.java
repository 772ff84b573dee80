package io.nrledge.experiment;

import java.util.Arrays;
import java.util.List;

/**
 * Median, minimum and maximum across seeds of curves of possibly different lengths, episode by
 * episode: at each episode only the curves that reach it count (runs stopped once solved end
 * early).
 *
 * @param median per episode, as long as the longest curve
 * @param min per episode
 * @param max per episode
 * @param seeds how many curves reach each episode
 */
public record SeedBand(double[] median, double[] min, double[] max, int[] seeds) {

  public static SeedBand of(List<double[]> curves) {
    int length = 0;
    for (double[] curve : curves) {
      length = Math.max(length, curve.length);
    }
    double[] median = new double[length];
    double[] min = new double[length];
    double[] max = new double[length];
    int[] seeds = new int[length];
    double[] column = new double[curves.size()];
    for (int i = 0; i < length; i++) {
      int n = 0;
      for (double[] curve : curves) {
        if (i < curve.length) {
          column[n++] = curve[i];
        }
      }
      Arrays.sort(column, 0, n);
      median[i] = median(column, n);
      min[i] = column[0];
      max[i] = column[n - 1];
      seeds[i] = n;
    }
    return new SeedBand(median, min, max, seeds);
  }

  /** Median of the sorted {@code values[0 … n−1]}: the mean of the two middle values for even n. */
  static double median(double[] sorted, int n) {
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  public int length() {
    return median.length;
  }
}
