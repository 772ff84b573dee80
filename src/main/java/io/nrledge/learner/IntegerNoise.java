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
public final class IntegerNoise implements Stateful {
  private final Xoshiro256StarStar bits;
  private final NoiseKind kind;
  private final double scale;
  private final double sigma;
  /** Generator words of one {@link #fill}. */
  private final long[] words;

  /** A source whose {@link #fill} takes up to 1,024 values. Not real-time safe. */
  public IntegerNoise(long seed, NoiseKind kind, double sigma) {
    this(seed, kind, sigma, 1024);
  }

  /** A source whose {@link #fill} takes up to {@code fillCapacity} values. Not real-time safe. */
  public IntegerNoise(long seed, NoiseKind kind, double sigma, int fillCapacity) {
    this.bits = new Xoshiro256StarStar(seed);
    this.kind = kind;
    this.scale = kind == NoiseKind.GAUSSIAN ? sigma / 8.0 : sigma;
    this.sigma = sigma;
    this.words = new long[fillCapacity];
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
   * Fills {@code out} with noise of standard deviation σ, one draw per entry in index order, and
   * returns {@code Σ k²} of the integers drawn, so {@code ‖ξ‖² = scale()² · Σ k²} comes exactly and
   * without a second pass. Real-time safe.
   */
  public long fill(double[] out) {
    int n = out.length;
    draw(n);
    final double s = scale;
    final long[] w = words;
    if (kind == NoiseKind.RADEMACHER) {
      for (int i = 0; i < n; i++) {
        out[i] = w[i] < 0 ? -s : s;
      }
      return n;
    }
    long sumOfSquares = 0;
    for (int i = 0; i < n; i++) { // out and w indexed alike, so the JIT vectorizes this loop
      int k = 2 * Long.bitCount(w[i]) - 64;
      sumOfSquares += k * k;
      out[i] = s * k;
    }
    return sumOfSquares;
  }

  /**
   * Fills {@code out} with ±1, the sign of {@link NoiseKind#RADEMACHER} noise whatever this source's
   * kind, one generator word per entry. Real-time safe.
   */
  public void fillSigns(double[] out) {
    int n = out.length;
    draw(n);
    for (int i = 0; i < n; i++) {
      out[i] = words[i] < 0 ? -1.0 : 1.0;
    }
  }

  private void draw(int n) {
    if (n > words.length) {
      throw new IllegalArgumentException("fill of " + n + " values exceeds this source's capacity of " + words.length);
    }
    bits.nextLongs(words, n);
  }

  /** The standard deviation σ of {@link #next()}. */
  public double sigma() {
    return sigma;
  }

  /** σ divided by the integer transform's standard deviation. */
  public double scale() {
    return scale;
  }

  /** The generator's state; the kind and scale come from the configuration. */
  @Override
  public int stateBytes() {
    return bits.stateBytes();
  }

  @Override
  public void saveState(java.nio.ByteBuffer out) {
    bits.saveState(out);
  }

  @Override
  public void loadState(java.nio.ByteBuffer in) {
    bits.loadState(in);
  }
}
