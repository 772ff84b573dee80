package io.nrledge.env;

import java.util.List;

/**
 * neurogym's {@code Reaching1D-v0} (its gym-based releases v0.0.1 to v0.1.0; the task is unchanged
 * since November 2020) as the NRL paper's code configures it: dt 10 ms, fixation 0 ms, reach
 * 3000 ms, so a trial is a single 300-step reach period. Move a point on the circle towards a
 * target angle.
 *
 * <p>A trial starts at position π with a target drawn from U(0, 2π). Actions: 0 stays, 1 adds
 * 0.05 rad, 2 subtracts 0.05 rad; the position is then taken mod 2π (numpy's {@code np.mod}).
 * The reward of every step, after the move, is
 * <pre>
 * r = max(1 − d, −0.1),   d = min(|p − g|, 2π − |p − g|)
 * </pre>
 * with {@code p} the new position and {@code g} the rewarded target. In {@link Variant#NEUROGYM}
 * (the paper's setting) {@code g = floor(target)} ∈ {0, …, 6}, because neurogym stores the ground
 * truth in the action space's int64 array (a truncating cast); in {@link Variant#CORRECTED}
 * {@code g = target}. Observation (32): {@code cos(θi − target)} for the 16 preferred angles
 * {@code θi = i·2π/16}, then {@code cos(θi − p)} with the position after the step; the real target
 * is shown in both variants. Never terminated; truncated after 300 steps. {@link #resetTo} state:
 * {@code [position, target]}.
 *
 * <p>Differences from neurogym: observations are double (neurogym's are float32 roundings of the
 * same values); at a trial boundary neurogym's step already returns the next trial's first
 * observation, here {@link #reset()} produces it; neurogym's {@code reset()} spends the first
 * trial's first step on a random action, here every trial has 300 agent steps. Must never
 * allocate after construction.
 */
public final class Reaching1D extends TimeLimitedTask {
  /** Which target the reward is measured against. */
  public enum Variant {
    /** Reward against {@code floor(target)}: neurogym's integer ground truth, the paper's setting. */
    NEUROGYM,
    /** Reward against the real target angle that the observation shows. */
    CORRECTED
  }

  private static final int RING_UNITS = 16;
  private static final double TWO_PI = 2 * Math.PI;
  private static final double START_POSITION = Math.PI;
  private static final double STEP_RAD = 0.05;
  private static final double CORRECT_REWARD = 1.0;
  private static final double FAIL_REWARD = -0.1;
  private static final int TRIAL_STEPS = 300;
  private static final List<String> STATE_NAMES = List.of("position", "target");

  private final Variant variant;
  private final double[] preferredAngles = new double[RING_UNITS];
  private double position;
  private double rewardedTarget;

  public Reaching1D(Variant variant) {
    super(2 * RING_UNITS, TRIAL_STEPS);
    this.variant = variant;
    for (int i = 0; i < RING_UNITS; i++) {
      preferredAngles[i] = i * (TWO_PI / RING_UNITS);
    }
    reset();
  }

  public Variant variant() {
    return variant;
  }

  @Override
  public String name() {
    return "reaching";
  }

  @Override
  public int actionCount() {
    return 3;
  }

  @Override
  public void reset() {
    startTrial(START_POSITION, random.nextDouble(0, TWO_PI));
  }

  @Override
  public void resetTo(double[] state) {
    Preconditions.checkState(this, state);
    startTrial(state[0], state[1]);
  }

  @Override
  public List<String> stateNames() {
    return STATE_NAMES;
  }

  @Override
  public double step(int action) {
    Preconditions.checkStep(this, action);
    if (action == 1) {
      position += STEP_RAD;
    } else if (action == 2) {
      position -= STEP_RAD;
    }
    position = floorMod(position, TWO_PI);
    countStep(false); // never terminated: a trial ends only at its time limit
    writePositionObservation();
    double distance = Math.abs(position - rewardedTarget);
    double circularDistance = Math.min(distance, TWO_PI - distance);
    return Math.max(CORRECT_REWARD - circularDistance, FAIL_REWARD);
  }

  @Override
  int physicsValues() {
    return 2;
  }

  @Override
  void savePhysics(java.nio.ByteBuffer out) {
    out.putDouble(position).putDouble(rewardedTarget);
  }

  @Override
  void loadPhysics(java.nio.ByteBuffer in) {
    position = in.getDouble();
    rewardedTarget = in.getDouble();
  }

  @Override
  public double solvedThreshold() {
    return Double.NaN;
  }

  private void startTrial(double startPosition, double targetAngle) {
    position = startPosition;
    rewardedTarget = variant == Variant.NEUROGYM ? (double) (long) targetAngle : targetAngle;
    startEpisode();
    for (int i = 0; i < RING_UNITS; i++) {
      observation[i] = Math.cos(preferredAngles[i] - targetAngle);
    }
    writePositionObservation();
  }

  private void writePositionObservation() {
    for (int i = 0; i < RING_UNITS; i++) {
      observation[RING_UNITS + i] = Math.cos(preferredAngles[i] - position);
    }
  }

  /** numpy's float {@code np.mod}: the remainder takes the divisor's sign, and a zero is +0. */
  private static double floorMod(double value, double divisor) {
    double remainder = value % divisor;
    return remainder < 0 ? remainder + divisor : remainder + 0.0;
  }
}
