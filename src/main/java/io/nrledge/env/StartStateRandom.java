package io.nrledge.env;

/**
 * Draws start states: the same stream as {@code new java.util.SplittableRandom(seed)} gives for
 * {@code nextDouble(origin, bound)}, but reseeding overwrites one long instead of allocating a new
 * generator. Must never be shared between environments.
 */
final class StartStateRandom {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;

  StartStateRandom(long seed) {
    this.state = seed;
  }

  /** Restarts the stream. Real-time safe. */
  void reseed(long seed) {
    state = seed;
  }

  /** The generator's one word of state (checkpoints). */
  long state() {
    return state;
  }

  /** Uniform in {@code [origin, bound)}, {@code origin < bound}. Real-time safe. */
  double nextDouble(double origin, double bound) {
    state += GOLDEN_GAMMA;
    double unit = (mix64(state) >>> 11) * DOUBLE_UNIT;
    double r = unit * (bound - origin) + origin;
    return r >= bound ? Math.nextDown(bound) : r;
  }

  /** Stafford's variant 13 mixer, the output function of SplitMix64. */
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
