package io.nrledge.learner;

import java.nio.ByteBuffer;

/**
 * A state-value predictor for the continuing form: {@code V(s) = w · f(s)} with features
 * {@code f = [1, x_0, x_1, …, x_{L−1}]}, the observation and the policy network's hidden activities
 * as the rule computed them (clean for NRL and BP; RMHL's are its noisy ones). Trained by TD(0):
 * for the transition from s to s′ with the rewards R that arrived in between,
 * {@code δ = R + γ·V(s′) − V(s)} and {@code w += β·δ·f(s)}.
 *
 * <p>δ is the reward-prediction error the learner broadcasts in place of {@code r − r̄}: a synapse
 * of the critic uses only its own presynaptic activity and δ, so the rule stays local. Where the
 * plain baseline gives every tick between events δ ≈ 0, the critic's δ says whether the rover
 * moved toward states that have paid before, so credit reaches further back than the trace.
 * Real-time safe after construction.
 */
final class Critic implements Stateful {
  private final double rate;
  private final double discount;
  private final double[] weights;
  /** Features of the state the current transition started from, and a buffer for the next one. */
  private double[] features;
  private double[] nextFeatures;
  private double value;
  private boolean started;
  private double pendingReward;

  /** Not real-time safe. */
  Critic(int[] layerSizes, double rate, double discount) {
    int count = 1;
    for (int l = 0; l < layerSizes.length - 1; l++) {
      count += layerSizes[l];
    }
    this.rate = rate;
    this.discount = discount;
    this.weights = new double[count];
    this.features = new double[count];
    this.nextFeatures = new double[count];
  }

  /** Adds a reward to the transition in progress. */
  void reward(double reward) {
    pendingReward += reward;
  }

  /**
   * Enters the state whose clean activities are {@code x[0..L−1]}: ends the transition in
   * progress and returns its δ (NaN when none was in progress), then starts the next one.
   */
  double enter(double[][] x) {
    int k = 0;
    nextFeatures[k++] = 1.0;
    for (int l = 0; l < x.length - 1; l++) {
      double[] layer = x[l];
      System.arraycopy(layer, 0, nextFeatures, k, layer.length);
      k += layer.length;
    }
    double delta = Double.NaN;
    if (started) {
      delta = pendingReward + discount * dot(nextFeatures) - value;
      learn(delta);
    }
    double[] swap = features;
    features = nextFeatures;
    nextFeatures = swap;
    value = dot(features); // with the weights as they now are: the next δ uses one set of weights
    started = true;
    pendingReward = 0;
    return delta;
  }

  /** Ends the transition in progress at a terminal state (V = 0) and returns its δ; NaN when none was. */
  double end() {
    double delta = started ? pendingReward - value : Double.NaN;
    if (started) {
      learn(delta);
    }
    forget();
    return delta;
  }

  /** Drops the transition in progress without learning from it. */
  void forget() {
    started = false;
    pendingReward = 0;
  }

  /** The predicted value of the current state (0 before the first). */
  double value() {
    return started ? value : 0.0;
  }

  /** The weights, for tests: index 0 is the bias, then the observation, then each hidden layer. */
  double weight(int i) {
    return weights[i];
  }

  boolean finite() {
    for (double w : weights) {
      if (!Double.isFinite(w)) {
        return false;
      }
    }
    return true;
  }

  private void learn(double delta) {
    double step = rate * delta;
    for (int i = 0; i < weights.length; i++) {
      weights[i] += step * features[i];
    }
  }

  private double dot(double[] f) {
    double v = 0;
    for (int i = 0; i < f.length; i++) {
      v += weights[i] * f[i];
    }
    return v;
  }

  /** Layout: weights, features of the current state, its value, started (long), pending reward. */
  @Override
  public int stateBytes() {
    return 8 * (2 * weights.length + 3);
  }

  @Override
  public void saveState(ByteBuffer out) {
    for (double w : weights) {
      out.putDouble(w);
    }
    for (double f : features) {
      out.putDouble(f);
    }
    out.putDouble(value).putLong(started ? 1 : 0).putDouble(pendingReward);
  }

  @Override
  public void loadState(ByteBuffer in) {
    for (int i = 0; i < weights.length; i++) {
      weights[i] = in.getDouble();
    }
    for (int i = 0; i < features.length; i++) {
      features[i] = in.getDouble();
    }
    value = in.getDouble();
    long flag = in.getLong();
    if (flag != 0 && flag != 1) {
      throw new IllegalArgumentException("critic: started flag " + flag);
    }
    started = flag == 1;
    pendingReward = in.getDouble();
  }
}
