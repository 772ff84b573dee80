package io.nrledge.learner;

/**
 * Noise-based reward-modulated learning (García Fernández, Ahmad and van Gerven, 2025).
 *
 * <pre>
 * clean   z_l = W_l x_{l−1},  x_l = φ(z_l),  π = softmax(z_L);  the clean policy acts: a ~ π
 * noisy   z̃_1 = z_1 + ξ_1,  z̃_l = W_l x̃_{l−1} + ξ_l,  ξ ~ σ·IntegerNoise
 * signal  Δ = log_softmax(z̃_L)[a] − log_softmax(z_L)[a]          (double precision)
 * factor  episodic/continuing: u_l = Δ ξ_l / Σ_k‖ξ_k‖²,  v = x̃   (whole-network norm, noisy pre)
 *         immediate:           u_l = Δ ξ_l / ‖ξ_l‖²,     v = x    (per-layer norm, clean pre)
 * </pre>
 *
 * E[u vᵀ] ≈ ∇_W ln π(a|s) / N for N noisy units. Reads and writes: z, x (clean), z̃, x̃, ξ, u.
 */
final class NrlLearner extends AbstractLearner {
  private final IntegerNoise noise;
  private final double[] xi;
  private final double[] zNoisy;
  private final double[] xNoisy;

  NrlLearner(LearnerConfig config) {
    super(config);
    this.noise = new IntegerNoise(config.noiseSeed(), config.noiseKind(), config.sigma());
    this.xi = new double[net.unitCount()];
    this.zNoisy = new double[net.unitCount()];
    this.xNoisy = new double[net.unitCount()];
  }

  @Override
  int probe(double[] observation, int forcedAction) {
    net.forward(observation, z, x);
    noise.fill(xi, net.unitOffset(1), net.unitCount());
    net.forwardNoisy(z, x, xi, zNoisy, xNoisy);
    int a = forcedAction >= 0 ? forcedAction : sampleAction(z);
    if (forcedAction >= 0) {
      Policy.softmax(z, outputOffset, actions, probs);
    }
    double delta = Policy.logProbabilityChange(zNoisy, z, outputOffset, actions, probs, a);
    if (form == CreditForm.IMMEDIATE) {
      for (int l = 1; l <= net.layers(); l++) {
        int from = net.unitOffset(l);
        int to = net.unitOffset(l + 1);
        scaleNoise(from, to, perUnitNorm(delta, squaredNorm(from, to)));
      }
      v = x;
    } else {
      int from = net.unitOffset(1);
      int to = net.unitCount();
      scaleNoise(from, to, perUnitNorm(delta, squaredNorm(from, to)));
      v = xNoisy;
    }
    return a;
  }

  /**
   * {@code Δ / ‖ξ‖²}, or 0 when every draw was 0: the integer noise has mass at 0 (about 10% per
   * unit for the binomial transform), so a small layer can see no noise at all and then carries no
   * information.
   */
  private static double perUnitNorm(double delta, double squaredNorm) {
    return squaredNorm > 0 ? delta / squaredNorm : 0.0;
  }

  private double squaredNorm(int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += xi[i] * xi[i];
    }
    return s;
  }

  private void scaleNoise(int from, int to, double k) {
    for (int i = from; i < to; i++) {
      u[i] = k * xi[i];
    }
  }
}
