package io.nrledge.learner;

/**
 * Reward-modulated Hebbian learning: the noisy network itself acts (a ~ softmax(z̃_L)).
 *
 * <pre>
 * z̃_l = W_l x̃_{l−1} + ξ_l,  x̃_l = φ(z̃_l)
 * factor  explicit noise: u_l = ξ_l;   implicit noise: u_l = z̃_l − z̄_l,  z̄ ← z̄ + ρ (z̃ − z̄);   v = x̃
 * </pre>
 *
 * Its step scales with σ², so it needs its own η. Reads and writes: z̃, x̃, ξ, z̄, u.
 */
final class RmhlLearner extends AbstractLearner {
  private final IntegerNoise noise;
  private final double[][] xi;
  private final double[][] runningMean;
  private final boolean implicitNoise;
  private final double meanRate;
  private final double[][] deviation;

  RmhlLearner(LearnerConfig config) {
    super(config);
    this.noise = new IntegerNoise(config.noiseSeed(), config.noiseKind(), config.sigma(), net.widestNoisyLayer());
    this.xi = net.newUnitVectors();
    this.runningMean = net.newUnitVectors();
    this.implicitNoise = config.rule() == Rule.RMHL_IMPLICIT;
    this.meanRate = config.implicitNoiseRate();
    this.deviation = net.newUnitVectors();
    this.u = implicitNoise ? deviation : xi;
  }

  @Override
  int probe(double[] observation, int forcedAction) {
    for (int l = 1; l <= net.layers(); l++) {
      noise.fill(xi[l]);
    }
    net.forwardWithNoise(observation, xi, z, x);
    int a = chooseAction(z[outputLayer], forcedAction);
    if (implicitNoise) {
      for (int l = 1; l <= net.layers(); l++) {
        double[] zl = z[l];
        double[] mean = runningMean[l];
        double[] d = deviation[l];
        for (int i = 0; i < zl.length; i++) {
          d[i] = zl[i] - mean[i];
          mean[i] += meanRate * d[i];
        }
      }
    }
    v = x;
    return a;
  }

  /** The noise generator and the running means of the implicit-noise variant. */
  @Override
  int ruleStateBytes() {
    return noise.stateBytes() + 8 * units(runningMean);
  }

  @Override
  void saveRuleState(java.nio.ByteBuffer out) {
    noise.saveState(out);
    putUnits(out, runningMean);
  }

  @Override
  void loadRuleState(java.nio.ByteBuffer in) {
    noise.loadState(in);
    getUnits(in, runningMean);
  }
}
