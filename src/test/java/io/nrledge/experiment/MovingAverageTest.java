package io.nrledge.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MovingAverageTest {
  private static final double[] RETURNS = {10, 20, 30, 40, 50, 60};

  @Test
  void shouldAverageTheTrailingWindowAndFewerValuesAtTheStart() {
    assertArrayEquals(new double[] {10, 15, 20, 30, 40, 50}, MovingAverage.curve(RETURNS, 6, 3), 0.0);
  }

  @Test
  void shouldOnlyUseTheFirstCountValues() {
    assertArrayEquals(new double[] {10, 15, 20}, MovingAverage.curve(RETURNS, 3, 3), 0.0);
    assertEquals(15.0, MovingAverage.finalMean(RETURNS, 2, 3), 0.0);
  }

  @Test
  void shouldReportTheFirstOneBasedEpisodeWhoseFullWindowReachesTheThreshold() {
    assertEquals(4, MovingAverage.solvedAt(RETURNS, 6, 3, 30.0)); // (20+30+40)/3 = 30 at episode 4
    assertEquals(5, MovingAverage.solvedAt(RETURNS, 6, 3, 30.5));
    assertEquals(6, MovingAverage.solvedAt(RETURNS, 6, 3, 50.0));
  }

  @Test
  void shouldNotCountAPartialWindowAsSolved() {
    double[] highFromTheStart = {500, 500, 10, 10};
    assertFalse(MovingAverage.reached(highFromTheStart, 1, 3, 475));
    assertEquals(-1, MovingAverage.solvedAt(highFromTheStart, 4, 3, 475));
    assertEquals(3, MovingAverage.solvedAt(highFromTheStart, 4, 3, 336.0)); // (500+500+10)/3 = 336.67
  }

  @Test
  void shouldReturnMinusOneWhenNeverSolvedOrThresholdIsNaN() {
    assertEquals(-1, MovingAverage.solvedAt(RETURNS, 6, 3, 51.0));
    assertEquals(-1, MovingAverage.solvedAt(RETURNS, 6, 3, Double.NaN));
    assertEquals(-1, MovingAverage.solvedAt(RETURNS, 2, 3, 0.0));
  }

  @Test
  void shouldHandleNegativeReturnsAsAcrobotHasThem() {
    double[] acrobot = {-500, -500, -120, -90, -90};
    assertEquals(5, MovingAverage.solvedAt(acrobot, 5, 3, -100)); // (-120-90-90)/3 = -100
    assertTrue(MovingAverage.reached(acrobot, 4, 3, -100));
  }

  @Test
  void shouldUseTheLastWindowForTheFinalMeanOfALongRun() {
    double[] run = new double[250];
    Arrays.fill(run, 0, 150, 20.0);
    Arrays.fill(run, 150, 250, 475.0);
    assertEquals(475.0, MovingAverage.finalMean(run, 250, MovingAverage.WINDOW), 0.0);
    assertEquals(250, MovingAverage.solvedAt(run, 250, MovingAverage.WINDOW, 475));
    assertEquals((50 * 20.0 + 50 * 475.0) / 100, MovingAverage.trailingMean(run, 199, MovingAverage.WINDOW), 0.0);
  }
}
