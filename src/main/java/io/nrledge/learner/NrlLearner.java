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
  /**
   * Σ k² of each layer's integer noise draws. A norm of 0 (every draw 0: the binomial transform
   * gives 0 with probability ≈ 0.1 per unit, so a small layer can see no noise) yields u = 0.
   */
  private final long[] layerSquares;

  NrlLearner(LearnerConfig config) {
    super(config);
    this.noise = new IntegerNoise(config.noiseSeed(), config.noiseKind(), config.sigma());
    this.xi = new double[net.unitCount()];
    this.zNoisy = new double[net.unitCount()];
    this.xNoisy = new double[net.unitCount()];
    this.layerSquares = new long[net.layers() + 1];
  }

  @Override
  int probe(double[] observation, int forcedAction) {
    boolean perLayer = form == CreditForm.IMMEDIATE;
    long wholeNetwork = 0;
    for (int l = 1; l <= net.layers(); l++) {
      layerSquares[l] = noise.fill(xi, net.unitOffset(l), net.unitOffset(l + 1));
      wholeNetwork += layerSquares[l];
    }
    net.forwardPair(observation, xi, z, x, zNoisy, xNoisy);
    int a = forcedAction >= 0 ? forcedAction : sampleAction(z);
    if (forcedAction >= 0) {
      Policy.softmax(z, outputOffset, actions, probs);
    }
    double delta = Policy.logProbabilityChange(zNoisy, z, outputOffset, actions, probs, a);
    double squareScale = noise.scale() * noise.scale();
    for (int l = 1; l <= net.layers(); l++) {
      long squares = perLayer ? layerSquares[l] : wholeNetwork;
      double k = squares > 0 ? delta / (squareScale * squares) : 0.0;
      for (int i = net.unitOffset(l); i < net.unitOffset(l + 1); i++) {
        u[i] = k * xi[i];
      }
    }
    v = perLayer ? x : xNoisy;
    return a;
  }
}
