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
    return sampleAt(probs, n, rng.nextDouble());
  }

  /**
   * Draws an action from the mixture {@code (1 − ε)·probs + ε/n} with the uniform {@code u} in
   * [0, 1): below ε it picks uniformly (the uniform branch is taken exactly when {@code u < ε}),
   * else it samples {@code probs} with {@code u} rescaled to [0, 1). Requires 0 < ε < 1.
   */
  static int sampleWithFloorAt(double[] probs, int n, double epsilon, double u) {
    if (u < epsilon) {
      return Math.min((int) (u / epsilon * n), n - 1);
    }
    return sampleAt(probs, n, (u - epsilon) / (1 - epsilon));
  }

  /**
   * The mixture's share of the softmax score, {@code w = (1 − ε)·π(a) / μ(a)} with
   * {@code μ(a) = (1 − ε)·π(a) + ε/n}: {@code ∇_z ln μ(a) = w·∇_z ln π(a)}.
   */
  static double floorScoreWeight(double[] probs, int n, double epsilon, int a) {
    double share = (1 - epsilon) * probs[a];
    return share / (share + epsilon / n);
  }

  /**
   * {@code ln μ̃(a) − ln μ(a)} for the mixture {@code μ = (1 − ε)·π + ε/n}, from the softmax's own
   * change {@code Δ = ln π̃(a) − ln π(a)}: {@code ln1p(w·expm1(Δ))}, w from {@link #floorScoreWeight}
   * (exact, and as precise as Δ itself for tiny noise).
   */
  static double logProbabilityChangeWithFloor(double delta, double[] probs, int n, double epsilon, int a) {
    return Math.log1p(floorScoreWeight(probs, n, epsilon, a) * Math.expm1(delta));
  }

  private static int sampleAt(double[] probs, int n, double u) {
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
