package io.nrledge.experiment;

import io.nrledge.learner.Xoshiro256StarStar;
import java.util.Arrays;

/**
 * The statistics of Agarwal et al., "Deep RL at the edge of the statistical precipice" (NeurIPS
 * 2021), for a few runs per setting: the interquartile mean, its percentile stratified-bootstrap
 * interval, and the Wilson score interval of a success rate. Pure functions of their inputs and a
 * seed, so the same runs always give the same intervals; never used on a control thread.
 */
public final class RobustStatistics {
  /** z of a two-sided 95 % normal interval. */
  static final double Z95 = 1.959963984540054;

  private RobustStatistics() {}

  /**
   * The interquartile mean: sort, drop {@code floor(n/4)} values at each end, average the rest (the
   * 25 % trimmed mean, as scipy's {@code trim_mean(x, 0.25)} that rliable uses). NaN for no values.
   */
  public static double iqm(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return iqmOfSorted(sorted, sorted.length);
  }

  private static double iqmOfSorted(double[] sorted, int n) {
    if (n == 0) {
      return Double.NaN;
    }
    int cut = n / 4;
    double sum = 0;
    for (int i = cut; i < n - cut; i++) {
      sum += sorted[i];
    }
    return sum / (n - 2 * cut);
  }

  /**
   * The IQM of all values pooled, with a percentile bootstrap interval at {@code confidence}: each
   * of {@code reps} resamples draws, within every stratum separately, as many values as the stratum
   * holds, with replacement; the interval is the (1 ± confidence)/2 quantiles of the resampled IQMs
   * (linear interpolation between order statistics). Strata are tasks in rliable; an experiment has
   * one task, so one stratum (the seeds). Deterministic for a {@code seed}.
   */
  public static Interval iqmBootstrap(double[][] strata, int reps, double confidence, long seed) {
    int n = 0;
    for (double[] stratum : strata) {
      n += stratum.length;
    }
    if (n == 0) {
      return Interval.NONE;
    }
    double[] pooled = new double[n];
    int k = 0;
    for (double[] stratum : strata) {
      System.arraycopy(stratum, 0, pooled, k, stratum.length);
      k += stratum.length;
    }
    double estimate = iqm(pooled);
    Xoshiro256StarStar rng = new Xoshiro256StarStar(seed);
    double[] resample = new double[n];
    double[] replicates = new double[reps];
    for (int r = 0; r < reps; r++) {
      k = 0;
      for (double[] stratum : strata) {
        for (int i = 0; i < stratum.length; i++) {
          resample[k++] = stratum[uniformIndex(rng, stratum.length)];
        }
      }
      Arrays.sort(resample);
      replicates[r] = iqmOfSorted(resample, n);
    }
    Arrays.sort(replicates);
    double tail = (1 - confidence) / 2;
    return new Interval(estimate, quantile(replicates, tail), quantile(replicates, 1 - tail));
  }

  /** The IQM of {@code values} (one stratum) with its 95 % bootstrap interval. */
  public static Interval iqmBootstrap(double[] values, int reps, long seed) {
    return iqmBootstrap(new double[][] {values}, reps, 0.95, seed);
  }

  /**
   * The Wilson score interval of a success rate {@code successes / trials} at 95 %: centre
   * {@code (p + z²/2n) / (1 + z²/n)}, half-width {@code z √(p(1−p)/n + z²/4n²) / (1 + z²/n)}. Unlike
   * the normal interval it stays inside [0, 1] and is not empty at 0/n or n/n. NaN for no trials.
   */
  public static Interval wilson(int successes, int trials) {
    if (trials <= 0) {
      return Interval.NONE;
    }
    double n = trials;
    double p = successes / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** The q-quantile of sorted values, interpolating linearly at position q·(n − 1) (numpy's default). */
  static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double fraction = position - below;
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }

  /** Uniform in [0, bound) from a 53-bit uniform double (bias below 2^-40 for a few hundred runs). */
  private static int uniformIndex(Xoshiro256StarStar rng, int bound) {
    return (int) (rng.nextDouble() * bound);
  }
}
