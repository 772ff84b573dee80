package io.nrledge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RobustStatisticsTest {

  @Test
  void shouldAverageTheMiddleHalfDroppingAQuarterOfTheValuesAtEachEnd() {
    assertEquals(4.5, RobustStatistics.iqm(new double[] {8, 1, 7, 2, 6, 3, 5, 4}), 1e-12, "mean of 3, 4, 5, 6");
    assertEquals(20.0 / 3, RobustStatistics.iqm(new double[] {10, 1, 7, 3, 100}), 1e-12, "n = 5: drops 1 and 100");
    assertEquals(2.5, RobustStatistics.iqm(new double[] {4, 1, 3, 2}), 1e-12, "n = 4: mean of 2 and 3");
    assertEquals(2.0, RobustStatistics.iqm(new double[] {1, 2, 3}), 1e-12, "n = 3 drops nothing");
    // n = 20 drops 5 at each end: the middle ten of 1..20 are 6..15, mean 10.5, whatever the outliers.
    double[] twenty = new double[20];
    for (int i = 0; i < 20; i++) {
      twenty[i] = i + 1;
    }
    twenty[19] = 1e9;
    twenty[0] = -1e9;
    assertEquals(10.5, RobustStatistics.iqm(twenty), 1e-12);
    assertTrue(Double.isNaN(RobustStatistics.iqm(new double[0])));
  }

  @Test
  void shouldGiveTheWilsonIntervalComputedByHand() {
    // 8/10: centre (0.8 + z²/20)/(1 + z²/10), half-width z·√(0.016 + z²/400)/(1 + z²/10), z = 1.959964.
    Interval eightOfTen = RobustStatistics.wilson(8, 10);
    assertEquals(0.8, eightOfTen.estimate(), 1e-12);
    assertEquals(0.49016, eightOfTen.low(), 1e-5);
    assertEquals(0.94331, eightOfTen.high(), 1e-5);
    // 0/20: [0, (z²/20)/(1 + z²/20)]; 20/20 mirrors it.
    Interval none = RobustStatistics.wilson(0, 20);
    assertEquals(0.0, none.low(), 1e-12);
    assertEquals(0.16113, none.high(), 1e-5);
    Interval all = RobustStatistics.wilson(20, 20);
    assertEquals(1 - 0.16113, all.low(), 1e-5);
    assertEquals(1.0, all.high(), 1e-12);
    assertTrue(Double.isNaN(RobustStatistics.wilson(0, 0).estimate()));
  }

  @Test
  void shouldInterpolateQuantilesBetweenOrderStatistics() {
    assertEquals(2.5, RobustStatistics.quantile(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
    double[] hundredAndOne = new double[101];
    for (int i = 0; i <= 100; i++) {
      hundredAndOne[i] = i;
    }
    assertEquals(2.5, RobustStatistics.quantile(hundredAndOne, 0.025), 1e-12);
    assertEquals(97.5, RobustStatistics.quantile(hundredAndOne, 0.975), 1e-12);
  }

  @Test
  void shouldSpanEveryResampledValueOfATwoPointSample() {
    // {0, 1}: resamples give IQM 0, 0.5 or 1 with probabilities 1/4, 1/2, 1/4, so the 2.5 % and
    // 97.5 % quantiles of 10,000 resamples are 0 and 1.
    Interval interval = RobustStatistics.iqmBootstrap(new double[] {0, 1}, 10_000, 7);
    assertEquals(0.5, interval.estimate(), 1e-12);
    assertEquals(0.0, interval.low(), 1e-12);
    assertEquals(1.0, interval.high(), 1e-12);
  }

  @Test
  void shouldResampleWithinEachStratum() {
    // Each stratum is constant, so every stratified resample is the pooled sample itself: IQM of
    // {0,0,0,0,10,10,10,10} = mean(0, 0, 10, 10) = 5, and the interval collapses onto it.
    double[][] strata = {{0, 0, 0, 0}, {10, 10, 10, 10}};
    Interval interval = RobustStatistics.iqmBootstrap(strata, 2_000, 0.95, 1);
    assertEquals(new Interval(5, 5, 5), interval);
  }

  @Test
  void shouldContainTheEstimateNarrowWithMoreRunsAndRepeatForASeed() {
    double[] runs = {120, 340, 560, 210, 800, 450, 390, 610};
    double[] fourTimes = new double[32];
    for (int i = 0; i < fourTimes.length; i++) {
      fourTimes[i] = runs[i % runs.length];
    }
    Interval small = RobustStatistics.iqmBootstrap(runs, 5_000, 11);
    Interval large = RobustStatistics.iqmBootstrap(fourTimes, 5_000, 11);

    assertTrue(small.contains(small.estimate()), small.toString());
    assertTrue(large.contains(large.estimate()), large.toString());
    assertEquals(small.estimate(), large.estimate(), 1e-9, "same distribution, same IQM");
    assertTrue(large.high() - large.low() < 0.7 * (small.high() - small.low()), small + " vs " + large);
    assertEquals(small, RobustStatistics.iqmBootstrap(runs, 5_000, 11), "same seed, same interval");
    assertNotEquals(small, RobustStatistics.iqmBootstrap(runs, 5_000, 12), "another seed resamples otherwise");
  }
}
