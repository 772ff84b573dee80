package io.nrledge.learner;

/**
 * Noise-based reward-modulated learning (García Fernández, Ahmad and van Gerven, 2025).
 *
 * <pre>
 * clean   z_l = W_l x_{l−1},  x_l = φ(z_l),  π = softmax(z_L);  the clean policy acts: a ~ π
 * noisy   z̃_1 = z_1 + ξ_1,  z̃_l = W_l x̃_{l−1} + ξ_l,  ξ ~ σ·IntegerNoise
 * signal  Δ = log_softmax(z̃_L)[a] − log_softmax(z_L)[a]          (double precision)
 *         with an exploration floor ε the mixture μ acts and Δ = ln μ̃(a) − ln μ(a) (see AbstractLearner)
 * factor  episodic/continuing: u_l = Δ ξ_l / Σ_k‖ξ_k‖²,  v = x̃   (whole-network norm, noisy pre)
 *         immediate:           u_l = Δ ξ_l / ‖ξ_l‖²,     v = x    (per-layer norm, clean pre)
 * per-layer probes ({@link NoiseProbe#PER_LAYER}): for each layer l, K passes with noise on l
 *         only,  u_l = (1/K) Σ_k Δ_lk ξ_lk / ‖ξ_lk‖²,  v = x
 * partitioned ({@link NoiseProbe#PARTITIONED}): P = min(K, n_l) passes per layer, pass p noising
 *         the units i ≡ p (mod P) by σ s_i (random signs),  u_li = Δ_lp s_i / (σ n_l),  v = x
 * </pre>
 *
 * Joint probe: E[u vᵀ] ≈ ∇_W ln π(a|s) / N for N noisy units; per-layer and partitioned probes:
 * ∇_{W_l} ln π / n_l. Reads and writes: z, x (clean), z̃, x̃, ξ, u.
 */
final class NrlLearner extends AbstractLearner {
  private final IntegerNoise noise;
  private final double[][] xi;
  private final double[][] zNoisy;
  private final double[][] xNoisy;
  /**
   * Σ k² of each layer's integer noise draws. A norm of 0 (every draw 0: the binomial transform
   * gives 0 with probability ≈ 0.1 per unit, so a small layer can see no noise) yields u = 0.
   */
  private final long[] layerSquares;
  private final boolean perLayerProbes;
  private final boolean partitioned;
  /** Partitioned probes: each unit's sign this step. */
  private final double[][] signs;
  /** Per-layer scaled noise, for the forms whose scale differs between layers. */
  private final double[][] factor;
  private final int probesPerLayer;

  NrlLearner(LearnerConfig config) {
    super(config);
    this.noise = new IntegerNoise(config.noiseSeed(), config.noiseKind(), config.sigma(), net.widestNoisyLayer());
    this.xi = net.newUnitVectors();
    this.zNoisy = net.newUnitVectors();
    this.xNoisy = net.newUnitVectors();
    this.layerSquares = new long[net.layers() + 1];
    this.perLayerProbes = config.noiseProbe() != NoiseProbe.JOINT;
    this.partitioned = config.noiseProbe() == NoiseProbe.PARTITIONED;
    this.signs = partitioned ? net.newUnitVectors() : null;
    this.factor = net.newUnitVectors();
    this.probesPerLayer = config.probesPerLayer();
  }

  @Override
  int probe(double[] observation, int forcedAction) {
    return perLayerProbes ? probeEachLayer(observation, forcedAction) : probeJointly(observation, forcedAction);
  }

  private int probeJointly(double[] observation, int forcedAction) {
    net.forwardPair(observation, noise, layerSquares, xi, z, x, zNoisy, xNoisy);
    long wholeNetwork = 0;
    for (int l = 1; l <= net.layers(); l++) {
      wholeNetwork += layerSquares[l];
    }
    int a = chooseAction(z[outputLayer], forcedAction);
    double delta = actingLogProbabilityChange(
        Policy.logProbabilityChange(zNoisy[outputLayer], z[outputLayer], probs, a), a);
    if (form == CreditForm.IMMEDIATE) {
      for (int l = 1; l <= net.layers(); l++) {
        double k = perSquare(delta, layerSquares[l]);
        double[] f = factor[l];
        double[] noiseOfLayer = xi[l];
        for (int i = 0; i < f.length; i++) {
          f[i] = k * noiseOfLayer[i];
        }
      }
      u = factor;
      uScale = 1.0;
      v = x;
    } else {
      u = xi;
      uScale = perSquare(delta, wholeNetwork);
      v = xNoisy;
    }
    return a;
  }

  private int probeEachLayer(double[] observation, int forcedAction) {
    net.forward(observation, z, x);
    int a = chooseAction(z[outputLayer], forcedAction);
    for (int l = 1; l <= net.layers(); l++) {
      if (partitioned) {
        probeLayerPartitioned(l, a);
      } else {
        probeLayerIndependently(l, a);
      }
    }
    u = factor;
    uScale = 1.0;
    v = x;
    return a;
  }

  /** Fills {@code factor[l]} from K passes, each noising every unit of layer l. */
  private void probeLayerIndependently(int l, int a) {
    double[] f = factor[l];
    double[] noiseOfLayer = xi[l];
    java.util.Arrays.fill(f, 0.0);
    for (int k = 0; k < probesPerLayer; k++) {
      long squares = noise.fill(noiseOfLayer);
      net.forwardFromLayer(l, z, xi, zNoisy, xNoisy);
      double delta = actingLogProbabilityChange(
          Policy.logProbabilityChange(zNoisy[outputLayer], z[outputLayer], probs, a), a);
      double scale = perSquare(delta, squares) / probesPerLayer;
      for (int i = 0; i < f.length; i++) {
        f[i] += scale * noiseOfLayer[i];
      }
    }
  }

  /** Fills {@code factor[l]} from P = min(K, n_l) passes, each noising its own slice of layer l's units. */
  private void probeLayerPartitioned(int l, int a) {
    double[] f = factor[l];
    double[] noiseOfLayer = xi[l];
    double[] s = signs[l];
    int n = f.length;
    int passes = Math.min(probesPerLayer, n);
    double sigma = noise.sigma();
    double perUnit = 1.0 / (sigma * n);
    noise.fillSigns(s);
    for (int p = 0; p < passes; p++) {
      java.util.Arrays.fill(noiseOfLayer, 0.0);
      for (int i = p; i < n; i += passes) {
        noiseOfLayer[i] = sigma * s[i];
      }
      net.forwardFromLayer(l, z, xi, zNoisy, xNoisy);
      double delta = actingLogProbabilityChange(
          Policy.logProbabilityChange(zNoisy[outputLayer], z[outputLayer], probs, a), a);
      for (int i = p; i < n; i += passes) {
        f[i] = delta * s[i] * perUnit;
      }
    }
  }

  @Override
  int ruleStateBytes() {
    return noise.stateBytes();
  }

  @Override
  void saveRuleState(java.nio.ByteBuffer out) {
    noise.saveState(out);
  }

  @Override
  void loadRuleState(java.nio.ByteBuffer in) {
    noise.loadState(in);
  }

  /** {@code Δ / ‖ξ‖²} with {@code ‖ξ‖² = scale² · Σ k²}; 0 when no noise was drawn. */
  private double perSquare(double delta, long squares) {
    return squares > 0 ? delta / (noise.scale() * noise.scale() * squares) : 0.0;
  }
}
