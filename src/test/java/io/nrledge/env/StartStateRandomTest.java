package io.nrledge.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StartStateRandomTest {
  @Test
  void shouldDrawTheSameStreamAsSplittableRandom() {
    StartStateRandom random = new StartStateRandom(0);
    for (long seed : new long[] {0, 1, -1, 42, Long.MIN_VALUE, 0x9E3779B97F4A7C15L}) {
      random.reseed(seed);
      SplittableRandom reference = new SplittableRandom(seed);
      for (int i = 0; i < 10_000; i++) {
        assertEquals(reference.nextDouble(-0.1, 0.1), random.nextDouble(-0.1, 0.1), 0.0);
        assertEquals(reference.nextDouble(0, 2 * Math.PI), random.nextDouble(0, 2 * Math.PI), 0.0);
      }
    }
  }
}
