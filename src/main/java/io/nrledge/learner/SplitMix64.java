package io.nrledge.learner;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014): expands a 64-bit seed into the state of
 * {@link Xoshiro256StarStar}. Same constants as the reference C code by Vigna.
 */
public final class SplitMix64 {
  private long state;

  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** The next 64-bit output. Real-time safe. */
  public long next() {
    state += 0x9E3779B97F4A7C15L;
    return mix(state);
  }

  /** The SplitMix64 output function (a bijective mixer) applied to {@code z}. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
