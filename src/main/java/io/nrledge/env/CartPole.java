package io.nrledge.env;

import java.util.List;

/**
 * Gymnasium's CartPole-v1: a pole hinged on a cart on a frictionless track, pushed left or right
 * by 10 N, integrated by explicit Euler every 20 ms.
 *
 * <p>Dynamics (Florian 2007, as Gymnasium writes them), with {@code F = ±10 N}, {@code m = m_pole
 * + m_cart}, {@code l} the pole's half-length:
 * <pre>
 * temp   = (F + m_pole·l·θ̇²·sin θ) / m
 * θ̈      = (g·sin θ − cos θ·temp) / (l·(4/3 − m_pole·cos²θ / m))
 * ẍ      = temp − m_pole·l·θ̈·cos θ / m
 * x += τ·ẋ;  ẋ += τ·ẍ;  θ += τ·θ̇;  θ̇ += τ·θ̈      (all accelerations from the old state)
 * </pre>
 * Actions: 0 pushes left, 1 right. Reward +1 on every step, the terminal one included.
 * Terminated when |x| &gt; 2.4 m or |θ| &gt; 12°; truncated at 500 steps. Start state
 * U(−0.05, 0.05)⁴. Observation and {@link #resetTo} state: {@code [x, x_dot, theta, theta_dot]}.
 * Observations stay in double precision (Gymnasium hands the agent float32 copies). Must never
 * allocate after construction.
 */
public final class CartPole extends TimeLimitedTask {
  private static final double GRAVITY = 9.8;
  private static final double MASS_CART_KG = 1.0;
  private static final double MASS_POLE_KG = 0.1;
  private static final double TOTAL_MASS_KG = MASS_POLE_KG + MASS_CART_KG;
  private static final double HALF_LENGTH_M = 0.5;
  private static final double POLE_MASS_LENGTH = MASS_POLE_KG * HALF_LENGTH_M;
  private static final double FORCE_N = 10.0;
  private static final double TAU_S = 0.02;
  private static final double X_THRESHOLD_M = 2.4;
  private static final double THETA_THRESHOLD_RAD = 12 * 2 * Math.PI / 360;
  private static final double START_BOUND = 0.05;
  private static final int MAX_STEPS = 500;
  private static final List<String> STATE_NAMES = List.of("x", "x_dot", "theta", "theta_dot");

  private double x;
  private double xDot;
  private double theta;
  private double thetaDot;

  public CartPole() {
    super(4, MAX_STEPS);
    reset();
  }

  @Override
  public String name() {
    return "cartpole";
  }

  @Override
  public int actionCount() {
    return 2;
  }

  @Override
  public void reset() {
    x = random.nextDouble(-START_BOUND, START_BOUND);
    xDot = random.nextDouble(-START_BOUND, START_BOUND);
    theta = random.nextDouble(-START_BOUND, START_BOUND);
    thetaDot = random.nextDouble(-START_BOUND, START_BOUND);
    startEpisode();
    writeObservation();
  }

  @Override
  public void resetTo(double[] state) {
    Preconditions.checkState(this, state);
    x = state[0];
    xDot = state[1];
    theta = state[2];
    thetaDot = state[3];
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
    double force = action == 1 ? FORCE_N : -FORCE_N;
    double cosTheta = Math.cos(theta);
    double sinTheta = Math.sin(theta);
    double temp = (force + POLE_MASS_LENGTH * (thetaDot * thetaDot) * sinTheta) / TOTAL_MASS_KG;
    double thetaAcc = (GRAVITY * sinTheta - cosTheta * temp)
        / (HALF_LENGTH_M * (4.0 / 3.0 - MASS_POLE_KG * (cosTheta * cosTheta) / TOTAL_MASS_KG));
    double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cosTheta / TOTAL_MASS_KG;
    x = x + TAU_S * xDot;
    xDot = xDot + TAU_S * xAcc;
    theta = theta + TAU_S * thetaDot;
    thetaDot = thetaDot + TAU_S * thetaAcc;
    countStep(x < -X_THRESHOLD_M || x > X_THRESHOLD_M || theta < -THETA_THRESHOLD_RAD || theta > THETA_THRESHOLD_RAD);
    writeObservation();
    return 1.0;
  }

  @Override
  int physicsValues() {
    return 4;
  }

  @Override
  void savePhysics(java.nio.ByteBuffer out) {
    out.putDouble(x).putDouble(xDot).putDouble(theta).putDouble(thetaDot);
  }

  @Override
  void loadPhysics(java.nio.ByteBuffer in) {
    x = in.getDouble();
    xDot = in.getDouble();
    theta = in.getDouble();
    thetaDot = in.getDouble();
  }

  @Override
  public double solvedThreshold() {
    return 475.0;
  }

  private void writeObservation() {
    observation[0] = x;
    observation[1] = xDot;
    observation[2] = theta;
    observation[3] = thetaDot;
  }
}
