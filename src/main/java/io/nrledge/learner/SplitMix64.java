package io.nrledge.learner;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014): expands a 64-bit seed into the state of
 * {@link Xoshiro256StarStar}. Same constants as the reference C code by Vigna. Its outputs are
 * those of {@code new java.util.SplittableRandom(seed)} ({@link #next()} = {@code nextLong()}, and
 * likewise {@link #nextDouble()} and {@link #nextInt(int)}), with a state that a checkpoint can save.
 */
public final class SplitMix64 implements Stateful {
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;

  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** The next 64-bit output. Real-time safe. */
  public long next() {
    state += 0x9E3779B97F4A7C15L;
    return mix(state);
  }

  /** Uniform in [0, 1), as {@code SplittableRandom.nextDouble()}. Real-time safe. */
  public double nextDouble() {
    return (next() >>> 11) * DOUBLE_UNIT;
  }

  /** Uniform in [0, bound), as {@code SplittableRandom.nextInt(bound)}. Real-time safe. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    int r = nextInt();
    int m = bound - 1;
    if ((bound & m) == 0) {
      return r & m;
    }
    for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
      // rejects the top partial range so every value is equally likely
    }
    return r;
  }

  private int nextInt() {
    state += 0x9E3779B97F4A7C15L;
    long z = state;
    z = (z ^ (z >>> 33)) * 0x62A9D9ED799705F5L;
    return (int) (((z ^ (z >>> 28)) * 0xCB24D0A5C88C35B3L) >>> 32);
  }

  @Override
  public int stateBytes() {
    return 8;
  }

  @Override
  public void saveState(java.nio.ByteBuffer out) {
    out.putLong(state);
  }

  @Override
  public void loadState(java.nio.ByteBuffer in) {
    state = in.getLong();
  }

  /** The SplitMix64 output function (a bijective mixer) applied to {@code z}. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
