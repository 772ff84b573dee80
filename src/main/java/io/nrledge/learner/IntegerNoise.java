package io.nrledge.learner;

/**
 * Neuron noise from integers only. Each draw takes one 64-bit output {@code b} of
 * {@link Xoshiro256StarStar} and maps it to a small integer:
 *
 * <ul>
 *   <li>{@link NoiseKind#GAUSSIAN}: {@code k = 2·popcount(b) − 64}, a centred Binomial(64, 1/2)
 *       times 2: even values in [−64, 64], mean 0, variance 64. Scaled by {@code σ/8} it has
 *       standard deviation σ and is close to normal (excess kurtosis −1/32).
 *   <li>{@link NoiseKind#RADEMACHER}: {@code k = +1} if the top bit of {@code b} is 0, else
 *       {@code −1}; scaled by σ.
 * </ul>
 *
 * The only floating-point operation is the single multiply by {@link #scale()} at use, so the
 * integer sequence is identical on every platform and in the C firmware.
 */
public final class IntegerNoise {
  private final Xoshiro256StarStar bits;
  private final NoiseKind kind;
  private final double scale;

  /** Not real-time safe (allocates the generator). */
  public IntegerNoise(long seed, NoiseKind kind, double sigma) {
    this.bits = new Xoshiro256StarStar(seed);
    this.kind = kind;
    this.scale = kind == NoiseKind.GAUSSIAN ? sigma / 8.0 : sigma;
  }

  /** The integer transform of one 64-bit word; pure. */
  public static int transform(NoiseKind kind, long word) {
    return kind == NoiseKind.GAUSSIAN ? 2 * Long.bitCount(word) - 64 : (word < 0 ? -1 : 1);
  }

  /** The next integer noise value. Real-time safe. */
  public int nextInt() {
    return transform(kind, bits.nextLong());
  }

  /** The next noise value with standard deviation σ. Real-time safe. */
  public double next() {
    return scale * transform(kind, bits.nextLong());
  }

  /**
   * Fills {@code out[from..to)} with noise of standard deviation σ and returns {@code Σ k²} of the
   * integers drawn, so {@code ‖ξ‖² = scale()² · Σ k²} comes exactly and without a second pass.
   * Real-time safe.
   */
  public long fill(double[] out, int from, int to) {
    final double s = scale;
    long sumOfSquares = 0;
    if (kind == NoiseKind.GAUSSIAN) {
      for (int i = from; i < to; i++) {
        int k = 2 * Long.bitCount(bits.nextLong()) - 64;
        sumOfSquares += k * k;
        out[i] = s * k;
      }
    } else {
      for (int i = from; i < to; i++) {
        out[i] = bits.nextLong() < 0 ? -s : s;
      }
      sumOfSquares = to - from;
    }
    return sumOfSquares;
  }

  /** σ divided by the integer transform's standard deviation. */
  public double scale() {
    return scale;
  }

  public Xoshiro256StarStar generator() {
    return bits;
  }
}
