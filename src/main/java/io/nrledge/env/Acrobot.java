package io.nrledge.env;

import java.util.List;

/**
 * Gymnasium's Acrobot-v1: two 1 m, 1 kg links hanging from a fixed pivot, torque only at the
 * joint between them; swing the tip above one link length over the pivot.
 *
 * <p>"Book" dynamics (Sutton and Barto; Spong's equations), θ1 from straight down, θ2 relative
 * to link 1, torque τ ∈ {−1, 0, +1} N·m for actions 0, 1, 2, no torque noise:
 * <pre>
 * d1   = m1·lc1² + m2·(l1² + lc2² + 2·l1·lc2·cos θ2) + I1 + I2
 * d2   = m2·(lc2² + l1·lc2·cos θ2) + I2
 * φ2   = m2·lc2·g·cos(θ1 + θ2 − π/2)
 * φ1   = −m2·l1·lc2·θ̇2²·sin θ2 − 2·m2·l1·lc2·θ̇2·θ̇1·sin θ2 + (m1·lc1 + m2·l1)·g·cos(θ1 − π/2) + φ2
 * θ̈2   = (τ + d2/d1·φ1 − m2·l1·lc2·θ̇1²·sin θ2 − φ2) / (m2·lc2² + I2 − d2²/d1)
 * θ̈1   = −(d2·θ̈2 + φ1) / d1
 * </pre>
 * One classic RK4 step of dt = 0.2 s per action (Gymnasium's {@code rk4} over {@code [0, dt]}),
 * then both angles wrapped into [−π, π] and the velocities clamped to ±4π and ±9π rad/s.
 * Terminated when {@code −cos θ1 − cos(θ1 + θ2) > 1}; reward −1 per step, 0 on the terminal step;
 * truncated at 500 steps. Start state U(−0.1, 0.1)⁴ rounded to float32, as Gymnasium does.
 * Observation {@code [cos θ1, sin θ1, cos θ2, sin θ2, θ̇1, θ̇2]} in double precision;
 * {@link #resetTo} state {@code [theta1, theta2, theta1_dot, theta2_dot]} (used exactly). Must
 * never allocate after construction.
 */
public final class Acrobot extends TimeLimitedTask {
  private static final double DT_S = 0.2;
  private static final double LINK_LENGTH_1_M = 1.0;
  private static final double LINK_MASS_1_KG = 1.0;
  private static final double LINK_MASS_2_KG = 1.0;
  private static final double LINK_COM_1_M = 0.5;
  private static final double LINK_COM_2_M = 0.5;
  private static final double LINK_MOI = 1.0;
  private static final double GRAVITY = 9.8;
  private static final double MAX_VEL_1 = 4 * Math.PI;
  private static final double MAX_VEL_2 = 9 * Math.PI;
  private static final double START_BOUND = 0.1;
  private static final int MAX_STEPS = 500;
  private static final List<String> STATE_NAMES = List.of("theta1", "theta2", "theta1_dot", "theta2_dot");

  private final double[] state = new double[4];
  private final double[] k1 = new double[4];
  private final double[] k2 = new double[4];
  private final double[] k3 = new double[4];
  private final double[] k4 = new double[4];
  private final double[] probe = new double[4];

  public Acrobot() {
    super(6, MAX_STEPS);
    reset();
  }

  @Override
  public String name() {
    return "acrobot";
  }

  @Override
  public int actionCount() {
    return 3;
  }

  @Override
  public void reset() {
    for (int i = 0; i < 4; i++) {
      state[i] = (float) random.nextDouble(-START_BOUND, START_BOUND);
    }
    startEpisode();
    writeObservation();
  }

  @Override
  public void resetTo(double[] start) {
    Preconditions.checkState(this, start);
    System.arraycopy(start, 0, state, 0, 4);
    startEpisode();
    writeObservation();
  }

  @Override
  public List<String> stateNames() {
    return STATE_NAMES;
  }

  @Override
  public double step(int action) {
    Preconditions.checkStep(this, action);
    double torque = action - 1.0;
    integrate(torque);
    state[0] = wrap(state[0]);
    state[1] = wrap(state[1]);
    state[2] = Math.min(Math.max(state[2], -MAX_VEL_1), MAX_VEL_1);
    state[3] = Math.min(Math.max(state[3], -MAX_VEL_2), MAX_VEL_2);
    boolean tipAboveGoal = -Math.cos(state[0]) - Math.cos(state[1] + state[0]) > 1.0;
    countStep(tipAboveGoal);
    writeObservation();
    return tipAboveGoal ? 0.0 : -1.0;
  }

  @Override
  int physicsValues() {
    return 4;
  }

  @Override
  void savePhysics(java.nio.ByteBuffer out) {
    for (double s : state) {
      out.putDouble(s);
    }
  }

  @Override
  void loadPhysics(java.nio.ByteBuffer in) {
    for (int i = 0; i < state.length; i++) {
      state[i] = in.getDouble();
    }
  }

  @Override
  public double solvedThreshold() {
    return -100.0;
  }

  /** Classic RK4 over one dt with the same operation order as Gymnasium's {@code rk4}. */
  private void integrate(double torque) {
    final double half = DT_S / 2.0;
    derivative(state, torque, k1);
    for (int i = 0; i < 4; i++) {
      probe[i] = state[i] + half * k1[i];
    }
    derivative(probe, torque, k2);
    for (int i = 0; i < 4; i++) {
      probe[i] = state[i] + half * k2[i];
    }
    derivative(probe, torque, k3);
    for (int i = 0; i < 4; i++) {
      probe[i] = state[i] + DT_S * k3[i];
    }
    derivative(probe, torque, k4);
    for (int i = 0; i < 4; i++) {
      state[i] = state[i] + DT_S / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
  }

  /** Writes {@code [θ̇1, θ̇2, θ̈1, θ̈2]} of the book dynamics at {@code s} into {@code out}. */
  private static void derivative(double[] s, double torque, double[] out) {
    final double m1 = LINK_MASS_1_KG;
    final double m2 = LINK_MASS_2_KG;
    final double l1 = LINK_LENGTH_1_M;
    final double lc1 = LINK_COM_1_M;
    final double lc2 = LINK_COM_2_M;
    final double i1 = LINK_MOI;
    final double i2 = LINK_MOI;
    final double g = GRAVITY;
    double theta1 = s[0];
    double theta2 = s[1];
    double dtheta1 = s[2];
    double dtheta2 = s[3];
    double cos2 = Math.cos(theta2);
    double sin2 = Math.sin(theta2);
    double d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cos2) + i1 + i2;
    double d2 = m2 * (lc2 * lc2 + l1 * lc2 * cos2) + i2;
    double phi2 = m2 * lc2 * g * Math.cos(theta1 + theta2 - Math.PI / 2.0);
    double phi1 = -m2 * l1 * lc2 * (dtheta2 * dtheta2) * sin2
        - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sin2
        + (m1 * lc1 + m2 * l1) * g * Math.cos(theta1 - Math.PI / 2)
        + phi2;
    double ddtheta2 = (torque + d2 / d1 * phi1 - m2 * l1 * lc2 * (dtheta1 * dtheta1) * sin2 - phi2)
        / (m2 * (lc2 * lc2) + i2 - (d2 * d2) / d1);
    double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
    out[0] = dtheta1;
    out[1] = dtheta2;
    out[2] = ddtheta1;
    out[3] = ddtheta2;
  }

  /** Gymnasium's {@code wrap(x, −π, π)}: shifts by 2π until {@code −π ≤ x ≤ π}. */
  private static double wrap(double angle) {
    final double span = 2 * Math.PI;
    while (angle > Math.PI) {
      angle -= span;
    }
    while (angle < -Math.PI) {
      angle += span;
    }
    return angle;
  }

  private void writeObservation() {
    observation[0] = Math.cos(state[0]);
    observation[1] = Math.sin(state[0]);
    observation[2] = Math.cos(state[1]);
    observation[3] = Math.sin(state[1]);
    observation[4] = state[2];
    observation[5] = state[3];
  }
}
