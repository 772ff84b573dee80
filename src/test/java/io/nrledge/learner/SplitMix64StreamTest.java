package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SplitMix64 gives the streams of {@code java.util.SplittableRandom} (so the rover and the random
 * controller kept their behaviour when they moved to it) and continues them after a save and load.
 */
class SplitMix64StreamTest {

  @Test
  void shouldDrawWhatSplittableRandomDrawsForLongsDoublesAndBoundedInts() {
    for (long seed : new long[] {0, 1, -7, 0x5EEDL, Long.MIN_VALUE}) {
      SplittableRandom reference = new SplittableRandom(seed);
      SplitMix64 ours = new SplitMix64(seed);
      for (int i = 0; i < 2_000; i++) {
        switch (i % 3) {
          case 0 -> assertEquals(reference.nextLong(), ours.next(), "seed " + seed + " draw " + i);
          case 1 -> assertEquals(reference.nextDouble(), ours.nextDouble(), "seed " + seed + " draw " + i);
          default -> {
            int bound = 1 + (i * 7919) % 1_000_003; // powers of two and not, small and large
            int b = i % 9 == 2 ? Integer.MAX_VALUE : i % 9 == 5 ? 1 << (i % 31) : bound;
            assertEquals(reference.nextInt(b), ours.nextInt(b), "seed " + seed + " draw " + i + " bound " + b);
          }
        }
      }
    }
  }

  @Test
  void shouldContinueTheStreamAfterSaveAndLoad() {
    SplitMix64 a = new SplitMix64(42);
    a.next();
    ByteBuffer saved = ByteBuffer.allocate(a.stateBytes()).order(ByteOrder.LITTLE_ENDIAN);
    a.saveState(saved);
    SplitMix64 b = new SplitMix64(1);
    b.loadState(saved.flip());
    for (int i = 0; i < 100; i++) {
      assertEquals(a.nextInt(6), b.nextInt(6));
    }
  }

  @Test
  void shouldRefuseANonPositiveBound() {
    assertThrows(IllegalArgumentException.class, () -> new SplitMix64(1).nextInt(0));
  }
}
