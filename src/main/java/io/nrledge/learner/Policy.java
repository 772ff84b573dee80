package io.nrledge.learner;

/** Softmax policy helpers over the output logits {@code z[L]} of a {@link Network}; all real-time safe. */
final class Policy {
  private Policy() {}

  /** {@code probs[k] = softmax(z_L)[k]}, computed stably. */
  static void softmax(double[] z, double[] probs) {
    int n = z.length;
    double max = z[0];
    for (int k = 1; k < n; k++) {
      max = Math.max(max, z[k]);
    }
    double sum = 0;
    for (int k = 0; k < n; k++) {
      double e = Math.exp(z[k] - max);
      probs[k] = e;
      sum += e;
    }
    double inv = 1.0 / sum;
    for (int k = 0; k < n; k++) {
      probs[k] *= inv;
    }
  }

  /** Draws an action from {@code probs} with one uniform from {@code rng}. */
  static int sample(double[] probs, int n, Xoshiro256StarStar rng) {
    double u = rng.nextDouble();
    double cumulative = 0;
    for (int k = 0; k < n - 1; k++) {
      cumulative += probs[k];
      if (u < cumulative) {
        return k;
      }
    }
    return n - 1;
  }

  static int argmax(double[] z) {
    int best = 0;
    for (int k = 1; k < z.length; k++) {
      if (z[k] > z[best]) {
        best = k;
      }
    }
    return best;
  }

  /**
   * {@code log_softmax(zNoisy)[a] − log_softmax(zClean)[a]}, given the clean probabilities. Uses
   * {@code d_k = z̃_k − z_k} and {@code Δ = d_a − log1p(Σ_k π_k expm1(d_k))}, which keeps full
   * relative precision when the noise is tiny (σ = 1e-3 gives Δ ≈ 1e-4).
   */
  static double logProbabilityChange(double[] zNoisy, double[] zClean, double[] cleanProbs, int a) {
    double s = 0;
    for (int k = 0; k < zClean.length; k++) {
      s += cleanProbs[k] * Math.expm1(zNoisy[k] - zClean[k]);
    }
    return (zNoisy[a] - zClean[a]) - Math.log1p(s);
  }
}
