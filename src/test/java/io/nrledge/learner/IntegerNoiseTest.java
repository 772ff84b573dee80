package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Statistics of {@link IntegerNoise} against the exact law of its transforms, plus the stream
 * contract (one word per draw, {@code fill} = repeated {@code next}, seeding).
 *
 * <p>Every statistical check allows {@link #Z} = 5 standard errors, each standard error derived
 * from the exact Binomial(64, 1/2) moments computed below (a correct source fails one check with
 * probability ≈ 6e-7). With N = 2^22 draws that is tight enough to reject plausible wrong
 * transforms; each check says which one it rejects and by how many standard errors.
 */
class IntegerNoiseTest {
  private static final int N = 1 << 22; // 4,194,304 draws per statistic
  private static final double Z = 5.0;
  /** P(popcount = x) for x = 0..64, i.e. P(k = 2x − 64), from exact binomial coefficients. */
  private static final double[] PMF = binomialPmf();

  // ---- GAUSSIAN: k = 2·popcount − 64 ----

  @Test
  void gaussianShouldHaveMeanZeroAndVariance64() {
    long[] counts = gaussianHistogram(12345);
    double mean = moment(counts, 1) / N;
    double variance = (moment(counts, 2) - N * mean * mean) / (N - 1);
    // SE(mean) = √(64/N) ≈ 0.0039. Rejects 2·popcount(b >>> 1) − 64 (mean −1, 256 SE).
    double meanTolerance = Z * Math.sqrt(64.0 / N);
    // SE(s²) = √((μ4 − 64²)/N), μ4 = E[k⁴] = 12160 ≈ 0.044. Rejects popcount − 32 without the ×2
    // (variance 16, ~1100 SE) and the 63-bit popcount above (variance 63, ~23 SE).
    double varianceTolerance = Z * Math.sqrt((exactMoment(4) - 64.0 * 64.0) / N);
    report("gaussian mean", mean, 0, meanTolerance);
    report("gaussian variance", variance, 64, varianceTolerance);
    assertEquals(0, mean, meanTolerance);
    assertEquals(64, variance, varianceTolerance);
    assertEquals(64, exactMoment(2), 1e-9); // the documented variance: 4 · Var(Binomial) = 4 · 16
    assertEquals(12160, exactMoment(4), 1e-6); // 16 · (3 · 16² − 16/2): excess kurtosis −1/32
  }

  @Test
  void gaussianShouldBeSymmetric() {
    long[] counts = gaussianHistogram(23456);
    long positive = 0;
    long negative = 0;
    for (int x = 0; x <= 64; x++) {
      if (x > 32) {
        positive += counts[x];
      } else if (x < 32) {
        negative += counts[x];
      }
    }
    // (positive − negative)/N is a mean of ±1/0 terms with variance 1 − P(k=0): SE ≈ 0.00046.
    // An off-centre transform (2·popcount − 62) moves it by P(k=0) ≈ 0.099 (~200 SE).
    double imbalance = (double) (positive - negative) / N;
    double imbalanceTolerance = Z * Math.sqrt((1 - PMF[32]) / N);
    // E[k³] = 0 by symmetry; SE = √(E[k⁶]/N) ≈ 0.95 (against E[k²]^{3/2} = 512).
    double third = moment(counts, 3) / N;
    double thirdTolerance = Z * Math.sqrt(exactMoment(6) / N);
    report("gaussian P(k>0) - P(k<0)", imbalance, 0, imbalanceTolerance);
    report("gaussian E[k^3]", third, 0, thirdTolerance);
    assertEquals(0, imbalance, imbalanceTolerance);
    assertEquals(0, third, thirdTolerance);
  }

  @Test
  void gaussianTailsShouldMatchTheExactBinomial() {
    long[] counts = gaussianHistogram(34567);
    // |k| ≥ 16 ⇔ |popcount − 32| ≥ 8 (exact ≈ 0.0599); |k| ≥ 24 ⇔ |popcount − 32| ≥ 12 (≈ 0.00369).
    // Without the ×2 the first event would be |popcount − 32| ≥ 16, probability 7.7e-5 (~500 SE).
    for (int kMin : new int[] {16, 24}) {
      double exact = 0;
      long hits = 0;
      for (int x = 0; x <= 64; x++) {
        if (Math.abs(2 * x - 64) >= kMin) {
          exact += PMF[x];
          hits += counts[x];
        }
      }
      double observed = (double) hits / N;
      double tolerance = Z * Math.sqrt(exact * (1 - exact) / N);
      report("gaussian P(|k|>=" + kMin + ")", observed, exact, tolerance);
      assertEquals(exact, observed, tolerance);
    }
  }

  @Test
  void gaussianShouldBeZeroWithProbabilityC64Over32Divided2To64() {
    long[] counts = gaussianHistogram(45678);
    double exact = new BigDecimal(binomial(64, 32))
        .divide(new BigDecimal(BigInteger.ONE.shiftLeft(64)), MathContext.DECIMAL64).doubleValue();
    assertEquals(0.0993467537479669, exact, 1e-15); // C(64,32) = 1832624140942590534
    double observed = (double) counts[32] / N;
    // SE = √(p(1 − p)/N) ≈ 0.00015. A Gaussian-rounded or odd-valued transform misses it widely.
    double tolerance = Z * Math.sqrt(exact * (1 - exact) / N);
    report("gaussian P(k=0)", observed, exact, tolerance);
    assertEquals(exact, observed, tolerance);
  }

  @Test
  void gaussianHistogramShouldFitTheBinomial() {
    long[] counts = gaussianHistogram(56789);
    // Pearson χ² over popcount 16..48 one by one and the two tails merged (every expected count
    // ≥ 40): 35 cells, 34 degrees of freedom; limit = the upper 5σ quantile by Wilson–Hilferty.
    double chi2 = 0;
    int cells = 0;
    double tailExpected = 0;
    long tailObserved = 0;
    for (int x = 0; x <= 64; x++) {
      if (x < 16 || x > 48) {
        tailExpected += N * PMF[x];
        tailObserved += counts[x];
        if (x == 15 || x == 64) {
          chi2 += square(tailObserved - tailExpected) / tailExpected;
          cells++;
          tailExpected = 0;
          tailObserved = 0;
        }
      } else {
        double expected = N * PMF[x];
        chi2 += square(counts[x] - expected) / expected;
        cells++;
      }
    }
    int df = cells - 1;
    double h = 2.0 / (9 * df);
    double limit = df * Math.pow(1 - h + Z * Math.sqrt(h), 3);
    System.out.printf(Locale.ROOT, "IntegerNoiseTest %-36s observed %.4g limit %.4g (df %d)%n",
        "gaussian histogram chi2", chi2, limit, df);
    assertEquals(35, cells);
    assertTrue(chi2 < limit, "chi2 " + chi2 + " >= " + limit);
  }

  @Test
  void gaussianNextShouldHaveStandardDeviationSigma() {
    double sigma = 1e-3;
    IntegerNoise noise = new IntegerNoise(67890, NoiseKind.GAUSSIAN, sigma);
    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < N; i++) {
      double v = noise.next();
      sum += v;
      sumSquares += v * v;
    }
    double mean = sum / N;
    double sd = Math.sqrt((sumSquares - N * mean * mean) / (N - 1));
    // Delta method: SE(s)/σ = √((μ4/64² − 1)/(4N)) ≈ 0.00034. Rejects a scale of σ/4 or σ/64 and
    // the missing ×2 (sd σ/2).
    double tolerance = Z * sigma * Math.sqrt((exactMoment(4) / (64.0 * 64.0) - 1) / (4.0 * N));
    report("gaussian sd of next(), sigma=1e-3", sd, sigma, tolerance);
    assertEquals(sigma, sd, tolerance);
    assertEquals(sigma / 8, noise.scale(), 0.0);
  }

  @Test
  void gaussianShouldBeUncorrelatedAtLag1() {
    // r1 = Σ k_i k_{i+1} / ((N − 1)·64); for independent draws SE = 1/√(N − 1) ≈ 0.00049.
    double r1 = lag1Autocorrelation(NoiseKind.GAUSSIAN, 78901) / 64.0;
    double tolerance = Z / Math.sqrt(N - 1);
    report("gaussian lag-1 autocorrelation", r1, 0, tolerance);
    assertEquals(0, r1, tolerance);
  }

  // ---- RADEMACHER: k = +1 if the top bit is 0, else −1 ----

  @Test
  void rademacherShouldBePlusOrMinusOneWithEqualProbability() {
    double sigma = 1e-3;
    IntegerNoise noise = new IntegerNoise(13579, NoiseKind.RADEMACHER, sigma);
    long plus = 0;
    for (int i = 0; i < N; i++) {
      int k = noise.nextInt();
      assertTrue(k == 1 || k == -1, "k = " + k);
      plus += k == 1 ? 1 : 0;
    }
    double p = (double) plus / N;
    // SE = 0.5/√N ≈ 0.00024; rejects a sign biased by more than ~0.0012 (e.g. 2 bits: 0.25).
    double tolerance = Z * 0.5 / Math.sqrt(N);
    report("rademacher P(+1)", p, 0.5, tolerance);
    assertEquals(0.5, p, tolerance);
    for (int i = 0; i < 1000; i++) {
      assertEquals(sigma, Math.abs(noise.next()), 0.0); // |σ·k| is exactly σ
    }
  }

  @Test
  void rademacherShouldBeUncorrelatedAtLag1() {
    // r1 = Σ k_i k_{i+1} / (N − 1); SE = 1/√(N − 1) ≈ 0.00049. Rejects a sign that repeats or
    // alternates more often than chance by more than ~0.1%.
    double r1 = lag1Autocorrelation(NoiseKind.RADEMACHER, 24680);
    double tolerance = Z / Math.sqrt(N - 1);
    report("rademacher lag-1 autocorrelation", r1, 0, tolerance);
    assertEquals(0, r1, tolerance);
  }

  // ---- The stream contract ----

  @Test
  void transformShouldMapKnownWordsExactly() {
    long[][] cases = { // word, gaussian k, rademacher k
        {0L, -64, 1}, {-1L, 64, -1}, {1L, -62, 1}, {Long.MIN_VALUE, -62, -1},
        {Long.MAX_VALUE, 62, 1}, {0x5555555555555555L, 0, 1}, {0xAAAAAAAAAAAAAAAAL, 0, -1},
        {0x00000000FFFFFFFFL, 0, 1}, {0xFFFFFFFF00000000L, 0, -1}, {0x8000000000000001L, -60, -1}};
    for (long[] c : cases) {
      assertEquals(c[1], IntegerNoise.transform(NoiseKind.GAUSSIAN, c[0]), Long.toHexString(c[0]));
      assertEquals(c[2], IntegerNoise.transform(NoiseKind.RADEMACHER, c[0]), Long.toHexString(c[0]));
    }
  }

  @Test
  void eachDrawShouldConsumeExactlyOneGeneratorWord() {
    double sigma = 0.25;
    for (NoiseKind kind : NoiseKind.values()) {
      IntegerNoise noise = new IntegerNoise(99, kind, sigma);
      Xoshiro256StarStar words = new Xoshiro256StarStar(99);
      double scale = kind == NoiseKind.GAUSSIAN ? sigma / 8 : sigma;
      double[] block = new double[3];
      for (int i = 0; i < 1000; i++) {
        assertEquals(IntegerNoise.transform(kind, words.nextLong()), noise.nextInt(), kind + " " + i);
        assertEquals(scale * IntegerNoise.transform(kind, words.nextLong()), noise.next(), 0.0);
        noise.fill(block);
        for (int j = 0; j < 3; j++) {
          assertEquals(scale * IntegerNoise.transform(kind, words.nextLong()), block[j], 0.0);
        }
      }
    }
  }

  @Test
  void fillShouldGiveTheSameValuesAsRepeatedNext() {
    for (NoiseKind kind : NoiseKind.values()) {
      IntegerNoise filled = new IntegerNoise(2024, kind, 1e-3, 10_001);
      IntegerNoise stepped = new IntegerNoise(2024, kind, 1e-3);
      double[] out = new double[10_001];
      assertEquals(0, filled.fill(new double[0]), "an empty array draws nothing");
      long squares = filled.fill(out);
      long expectedSquares = 0;
      for (int i = 0; i < out.length; i++) {
        double expected = stepped.next();
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(out[i]),
            kind + " index " + i);
        double k = out[i] / filled.scale();
        expectedSquares += Math.round(k * k);
      }
      assertEquals(expectedSquares, squares, kind + ": returned sum of squares");
      assertEquals(stepped.nextInt(), filled.nextInt(), "streams out of step after fill");
      assertThrows(IllegalArgumentException.class, () -> filled.fill(new double[10_002]), "over capacity");
    }
  }

  @Test
  void fillSignsShouldGiveTheRademacherTransformOfTheSameWordsWhateverTheKind() {
    // The signs of partitioned probes: one word per entry, +1 when its top bit is 0 (the C firmware's
    // nrl_noise_transform(NRL_NOISE_RADEMACHER, word)), so the two stay in step word for word.
    for (NoiseKind kind : NoiseKind.values()) {
      IntegerNoise filled = new IntegerNoise(77, kind, 1e-3, 1_000);
      Xoshiro256StarStar words = new Xoshiro256StarStar(77);
      double[] signs = new double[1_000];
      filled.fillSigns(signs);
      for (int i = 0; i < signs.length; i++) {
        assertEquals(IntegerNoise.transform(NoiseKind.RADEMACHER, words.nextLong()), signs[i], kind + " index " + i);
      }
      assertEquals(IntegerNoise.transform(kind, words.nextLong()), filled.nextInt(), "streams out of step");
      assertThrows(IllegalArgumentException.class, () -> filled.fillSigns(new double[1_001]), "over capacity");
    }
  }

  @Test
  void sameSeedShouldGiveTheSameSequence() {
    for (NoiseKind kind : NoiseKind.values()) {
      IntegerNoise a = new IntegerNoise(42, kind, 1.0);
      IntegerNoise b = new IntegerNoise(42, kind, 1.0);
      for (int i = 0; i < 100_000; i++) {
        assertEquals(a.nextInt(), b.nextInt(), kind + " draw " + i);
      }
    }
  }

  @Test
  void differentSeedsShouldGiveDifferentSequences() {
    long[][] pairs = {{1, 2}, {42, 43}, {0, -1}, {7, 7 + (1L << 32)}};
    int draws = 100_000;
    // For independent streams P(k_a = k_b) = Σ P(k)² ≈ 0.0703; the count of equal positions is
    // Binomial(draws, that), so 5 SE ≈ 0.004. Equal raw words would have probability 2^-64 each.
    double collision = 0;
    for (double p : PMF) {
      collision += p * p;
    }
    for (long[] pair : pairs) {
      Xoshiro256StarStar a = new Xoshiro256StarStar(pair[0]);
      Xoshiro256StarStar b = new Xoshiro256StarStar(pair[1]);
      long equalWords = 0;
      long equalK = 0;
      for (int i = 0; i < draws; i++) {
        long wa = a.nextLong();
        long wb = b.nextLong();
        equalWords += wa == wb ? 1 : 0;
        equalK += IntegerNoise.transform(NoiseKind.GAUSSIAN, wa)
            == IntegerNoise.transform(NoiseKind.GAUSSIAN, wb) ? 1 : 0;
      }
      String name = "seeds " + pair[0] + ", " + pair[1];
      assertEquals(0, equalWords, name);
      assertEquals(collision, (double) equalK / draws,
          Z * Math.sqrt(collision * (1 - collision) / draws), name);
    }
  }

  // ---- helpers ----

  /** Counts of popcount(b) = (k + 64)/2 over N GAUSSIAN draws of {@code nextInt()}. */
  private static long[] gaussianHistogram(long seed) {
    IntegerNoise noise = new IntegerNoise(seed, NoiseKind.GAUSSIAN, 1.0);
    long[] counts = new long[65];
    for (int i = 0; i < N; i++) {
      int k = noise.nextInt();
      assertTrue(k >= -64 && k <= 64 && (k & 1) == 0, "k = " + k);
      counts[(k + 64) / 2]++;
    }
    return counts;
  }

  /** Σ k^p over the histogram, exact in long arithmetic (|Σ| ≤ 2^22 · 2^18 for p = 3). */
  private static double moment(long[] counts, int p) {
    long sum = 0;
    for (int x = 0; x <= 64; x++) {
      long k = 2L * x - 64;
      long kp = 1;
      for (int j = 0; j < p; j++) {
        kp *= k;
      }
      sum += counts[x] * kp;
    }
    return sum;
  }

  /** E[k^p] under the exact law: 64 for p = 2, 12160 for p = 4, 3810304 for p = 6. */
  private static double exactMoment(int p) {
    double sum = 0;
    for (int x = 0; x <= 64; x++) {
      sum += PMF[x] * Math.pow(2 * x - 64, p);
    }
    return sum;
  }

  /** Σ k_i k_{i+1} / (N − 1) over N draws of {@code nextInt()}. */
  private static double lag1Autocorrelation(NoiseKind kind, long seed) {
    IntegerNoise noise = new IntegerNoise(seed, kind, 1.0);
    long sum = 0;
    int previous = noise.nextInt();
    for (int i = 1; i < N; i++) {
      int k = noise.nextInt();
      sum += (long) previous * k;
      previous = k;
    }
    return (double) sum / (N - 1);
  }

  private static double[] binomialPmf() {
    double[] pmf = new double[65];
    BigDecimal total = new BigDecimal(BigInteger.ONE.shiftLeft(64));
    for (int x = 0; x <= 64; x++) {
      pmf[x] = new BigDecimal(binomial(64, x)).divide(total, MathContext.DECIMAL128).doubleValue();
    }
    return pmf;
  }

  private static BigInteger binomial(int n, int r) {
    BigInteger c = BigInteger.ONE;
    for (int i = 0; i < r; i++) {
      c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return c;
  }

  private static double square(double v) {
    return v * v;
  }

  /** One line per statistic on stdout, so a run documents what was measured. */
  private static void report(String what, double observed, double expected, double tolerance) {
    System.out.printf(Locale.ROOT, "IntegerNoiseTest %-36s observed %.6g expected %.6g tolerance ±%.3g (%.2f SE)%n",
        what, observed, expected, tolerance, (observed - expected) / (tolerance / Z));
  }
}
