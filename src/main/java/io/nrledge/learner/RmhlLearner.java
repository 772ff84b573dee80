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
  private final double[] xi;
  private final double[] runningMean;
  private final boolean implicitNoise;
  private final double meanRate;
  private final double[] deviation;

  RmhlLearner(LearnerConfig config) {
    super(config);
    this.noise = new IntegerNoise(config.noiseSeed(), config.noiseKind(), config.sigma());
    this.xi = new double[net.unitCount()];
    this.runningMean = new double[net.unitCount()];
    this.implicitNoise = config.rule() == Rule.RMHL_IMPLICIT;
    this.meanRate = config.implicitNoiseRate();
    this.deviation = new double[net.unitCount()];
    this.u = implicitNoise ? deviation : xi;
  }

  @Override
  int probe(double[] observation, int forcedAction) {
    noise.fill(xi, net.unitOffset(1), net.unitCount());
    net.forwardWithNoise(observation, xi, z, x);
    int a = chooseAction(z, forcedAction);
    int from = net.unitOffset(1);
    int to = net.unitCount();
    if (implicitNoise) {
      for (int i = from; i < to; i++) {
        double d = z[i] - runningMean[i];
        deviation[i] = d;
        runningMean[i] += meanRate * d;
      }
    }
    v = x;
    return a;
  }
}
