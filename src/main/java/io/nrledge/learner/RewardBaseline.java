package io.nrledge.learner;

/**
 * The reward prediction r̄: a running average {@code r̄ ← r̄ + λ(R − r̄)} that starts at the first
 * reward it sees. The RPE is taken against r̄ before the update. Real-time safe.
 */
public final class RewardBaseline implements Stateful {
  private final double rate;
  private double value;
  private boolean defined;

  public RewardBaseline(double rate) {
    this.rate = rate;
  }

  /** Returns {@code R − r̄} (0 for the first reward) and then moves r̄ toward R. */
  public double predictionError(double reward) {
    if (!defined) {
      value = reward;
      defined = true;
    }
    double error = reward - value;
    value += rate * error;
    return error;
  }

  /** Forgets r̄: the next reward starts it again (a new trial). */
  public void reset() {
    defined = false;
    value = 0;
  }

  public boolean defined() {
    return defined;
  }

  public double value() {
    return value;
  }

  /** Restores a saved value (checkpoints). */
  public void restore(boolean defined, double value) {
    this.defined = defined;
    this.value = value;
  }

  /** Defined (one long, 0 or 1) and the value. */
  @Override
  public int stateBytes() {
    return 16;
  }

  @Override
  public void saveState(java.nio.ByteBuffer out) {
    out.putLong(defined ? 1 : 0).putDouble(value);
  }

  @Override
  public void loadState(java.nio.ByteBuffer in) {
    long flag = in.getLong();
    double v = in.getDouble();
    if (flag != 0 && flag != 1) {
      throw new IllegalArgumentException("reward baseline: defined flag " + flag);
    }
    restore(flag == 1, v);
  }
}
