package io.nrledge.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedBandTest {
  @Test
  void shouldTakeMedianMinAndMaxAcrossSeedsAtEveryEpisode() {
    SeedBand band = SeedBand.of(List.of(new double[] {1, 10, 7}, new double[] {3, 20, 5}, new double[] {2, 30, 6}));

    assertArrayEquals(new double[] {2, 20, 6}, band.median(), 0.0);
    assertArrayEquals(new double[] {1, 10, 5}, band.min(), 0.0);
    assertArrayEquals(new double[] {3, 30, 7}, band.max(), 0.0);
  }

  @Test
  void shouldAverageTheTwoMiddleValuesForAnEvenNumberOfSeeds() {
    SeedBand band = SeedBand.of(List.of(new double[] {1}, new double[] {4}, new double[] {2}, new double[] {10}));

    assertEquals(3.0, band.median()[0], 0.0);
  }

  @Test
  void shouldOnlyCountTheRunsThatReachAnEpisode() {
    SeedBand band = SeedBand.of(List.of(new double[] {1, 2}, new double[] {5, 6, 7, 8}, new double[] {3}));

    assertEquals(4, band.length());
    assertArrayEquals(new int[] {3, 2, 1, 1}, band.seeds());
    assertArrayEquals(new double[] {3, 4, 7, 8}, band.median(), 0.0);
    assertArrayEquals(new double[] {1, 2, 7, 8}, band.min(), 0.0);
  }
}
