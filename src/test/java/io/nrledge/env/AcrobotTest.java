package io.nrledge.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AcrobotTest {
  private static final double G = 9.8;
  private static final double MAX_VEL_1 = 4 * Math.PI;
  private static final double MAX_VEL_2 = 9 * Math.PI;

  /**
   * The acrobot's equations of motion written independently of the implementation, as
   * {@code M(q)·q̈ + h(q, q̇) + G(q) = [0, τ]} (Spong), solved by Cramer's rule. Links 1 m, 1 kg,
   * centres of mass at 0.5 m, inertias 1 about the centres of mass.
   */
  private static double[] derivative(double[] s, double torque) {
    double t1 = s[0];
    double t2 = s[1];
    double w1 = s[2];
    double w2 = s[3];
    double m11 = 0.25 + 1 + 0.25 + 2 * 0.5 * Math.cos(t2) + 1 + 1;
    double m12 = 0.25 + 0.5 * Math.cos(t2) + 1;
    double m22 = 0.25 + 1;
    double h1 = -0.5 * Math.sin(t2) * (2 * w1 * w2 + w2 * w2);
    double h2 = 0.5 * Math.sin(t2) * w1 * w1;
    double g1 = (0.5 + 1) * G * Math.sin(t1) + 0.5 * G * Math.sin(t1 + t2);
    double g2 = 0.5 * G * Math.sin(t1 + t2);
    double b1 = -h1 - g1;
    double b2 = torque - h2 - g2;
    double det = m11 * m22 - m12 * m12;
    return new double[] {w1, w2, (b1 * m22 - m12 * b2) / det, (m11 * b2 - m12 * b1) / det};
  }

  /** One classic RK4 step of 0.2 s, no wrapping or clamping. */
  private static double[] rk4(double[] s, double torque) {
    double dt = 0.2;
    double[] k1 = derivative(s, torque);
    double[] k2 = derivative(axpy(dt / 2, k1, s), torque);
    double[] k3 = derivative(axpy(dt / 2, k2, s), torque);
    double[] k4 = derivative(axpy(dt, k3, s), torque);
    double[] next = new double[4];
    for (int i = 0; i < 4; i++) {
      next[i] = s[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    return next;
  }

  private static double[] axpy(double a, double[] x, double[] y) {
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = y[i] + a * x[i];
    }
    return r;
  }

  private static double[] observationOf(double[] s) {
    return new double[] {Math.cos(s[0]), Math.sin(s[0]), Math.cos(s[1]), Math.sin(s[1]), s[2], s[3]};
  }

  /** Kinetic plus potential energy (J), potential zero at the pivot, θ1 = 0 hanging down. */
  private static double energy(double t1, double t2, double w1, double w2) {
    double link1 = 0.5 * (0.25 + 1) * w1 * w1;
    double comSpeed2Squared = w1 * w1 + 0.25 * (w1 + w2) * (w1 + w2) + w1 * (w1 + w2) * Math.cos(t2);
    double link2 = 0.5 * comSpeed2Squared + 0.5 * (w1 + w2) * (w1 + w2);
    double potential = -(0.5 + 1) * G * Math.cos(t1) - 0.5 * G * Math.cos(t1 + t2);
    return link1 + link2 + potential;
  }

  private static double energyOf(double[] observation) {
    double t1 = Math.atan2(observation[1], observation[0]);
    double t2 = Math.atan2(observation[3], observation[2]);
    return energy(t1, t2, observation[4], observation[5]);
  }

  @Test
  void shouldMatchAnIndependentRk4OfTheEquationsOfMotion() {
    double[] start = {0.4, -0.7, 1.1, -0.3};
    Acrobot env = new Acrobot();
    env.resetTo(start);

    env.step(2);
    double[] afterPositiveTorque = rk4(start, +1.0);
    assertArrayEquals(observationOf(afterPositiveTorque), env.observation(), 1e-12);

    env.step(0);
    assertArrayEquals(observationOf(rk4(afterPositiveTorque, -1.0)), env.observation(), 1e-12);
  }

  /**
   * With zero torque the book dynamics conserve energy, so the only drift left is RK4's
   * truncation error. At dt 0.2 s from this state (velocities far below the clamps, E0 ≈ −8 J)
   * it is 3.4 mJ over five steps and shrinks ~30× per halving of dt (checked with a separate
   * Python RK4); the NIPS-paper equations, which miss the θ̇1² sin θ2 term, drift 0.53 J here
   * at any dt. A 10 mJ bound tells the two apart with margin on both sides.
   */
  @Test
  void shouldConserveEnergyWithoutTorque() {
    double[] start = {1.0, 0.5, 0.5, -0.5};
    Acrobot env = new Acrobot();
    env.resetTo(start);
    double initialEnergy = energy(start[0], start[1], start[2], start[3]);
    for (int step = 0; step < 5; step++) {
      env.step(1);
      assertTrue(Math.abs(env.observation()[4]) < MAX_VEL_1 && Math.abs(env.observation()[5]) < MAX_VEL_2);
      assertEquals(initialEnergy, energyOf(env.observation()), 1e-2, "after step " + (step + 1));
    }
  }

  @Test
  void shouldMirrorTheTrajectoryWhenStateAndTorqueAreMirrored() {
    double[] start = {0.3, -0.2, 0.5, 1.5};
    Acrobot env = new Acrobot();
    Acrobot mirrored = new Acrobot();
    env.resetTo(start);
    mirrored.resetTo(new double[] {-start[0], -start[1], -start[2], -start[3]});
    int[] actions = {2, 2, 0, 1, 2, 0, 0, 1, 2, 2, 1, 0, 2, 0, 1, 1, 2, 0, 2, 1};
    for (int action : actions) {
      env.step(action);
      mirrored.step(2 - action);
      double[] o = env.observation();
      double[] expected = {o[0], -o[1], o[2], -o[3], -o[4], -o[5]};
      assertArrayEquals(expected, mirrored.observation(), 1e-9);
    }
  }

  @Test
  void shouldTerminateWithRewardZeroWhenTheTipRisesAboveOneLink() {
    Acrobot env = new Acrobot();
    env.resetTo(new double[] {Math.PI, 0.0, 0.0, 0.0});
    assertEquals(0.0, env.step(1), 0.0);
    assertTrue(env.terminated());
    assertFalse(env.truncated());
  }

  @Test
  void shouldRewardMinusOneWhileTheTipStaysLow() {
    Acrobot env = new Acrobot();
    env.resetTo(new double[4]);
    assertEquals(-1.0, env.step(2), 0.0);
    assertFalse(env.terminated());
  }

  @Test
  void shouldTerminateExactlyWhenTheTipHeightExceedsOne() {
    Acrobot env = new Acrobot();
    SplittableRandom noise = new SplittableRandom(3);
    int terminations = 0;
    for (int episode = 0; episode < 20; episode++) {
      env.seed(episode);
      env.reset();
      while (!env.done()) {
        // Mostly pump energy (torque along θ̇2), so episodes reach the goal within 500 steps.
        int pump = env.observation()[5] > 0 ? 2 : 0;
        double reward = env.step(noise.nextInt(4) == 0 ? noise.nextInt(3) : pump);
        double[] o = env.observation();
        double cosSum = o[0] * o[2] - o[1] * o[3];
        double tipHeight = -o[0] - cosSum;
        if (Math.abs(tipHeight - 1.0) > 1e-12) {
          assertEquals(tipHeight > 1.0, env.terminated(), "tip height " + tipHeight);
        }
        assertEquals(env.terminated() ? 0.0 : -1.0, reward, 0.0);
      }
      terminations += env.terminated() ? 1 : 0;
    }
    assertTrue(terminations > 0, "no episode reached the goal, the check above saw only one side");
  }

  @Test
  void shouldClampTheFirstJointVelocityToFourPi() {
    double[] start = {0.0, 0.0, 20.0, 0.0};
    assertTrue(rk4(start, 0.0)[2] > MAX_VEL_1, "precondition: the unclamped velocity exceeds 4π");
    Acrobot env = new Acrobot();
    env.resetTo(start);
    env.step(1);
    assertEquals(MAX_VEL_1, env.observation()[4], 0.0);
  }

  @Test
  void shouldClampTheSecondJointVelocityToNinePi() {
    double[] start = {0.0, 0.0, 0.0, 40.0};
    double[] unclamped = rk4(start, 0.0);
    assertTrue(unclamped[2] < -MAX_VEL_1 && unclamped[3] > MAX_VEL_2, "precondition: both velocities exceed the clamps");
    Acrobot env = new Acrobot();
    env.resetTo(start);
    env.step(1);
    assertEquals(-MAX_VEL_1, env.observation()[4], 0.0);
    assertEquals(MAX_VEL_2, env.observation()[5], 0.0);
  }

  @Test
  void shouldStartFromFloat32RoundedUniformAnglesAndVelocities() {
    Acrobot env = new Acrobot();
    env.seed(11);
    env.reset();
    SplittableRandom reference = new SplittableRandom(11);
    double[] start = new double[4];
    for (int i = 0; i < 4; i++) {
      start[i] = (float) reference.nextDouble(-0.1, 0.1);
    }
    assertArrayEquals(observationOf(start), env.observation(), 1e-15);
    for (int episode = 0; episode < 1000; episode++) {
      env.reset();
      double[] o = env.observation();
      assertTrue(Math.abs(Math.atan2(o[1], o[0])) <= 0.1 && Math.abs(Math.atan2(o[3], o[2])) <= 0.1);
      assertTrue(Math.abs(o[4]) <= 0.1 && Math.abs(o[5]) <= 0.1);
      assertEquals(o[4], (float) o[4], 0.0);
    }
  }

  @Test
  void shouldTruncateAtFiveHundredStepsWithoutTerminating() {
    Acrobot env = new Acrobot();
    env.resetTo(new double[4]);
    for (int step = 1; step <= 500; step++) {
      assertFalse(env.done());
      env.step(1);
    }
    assertTrue(env.truncated());
    assertFalse(env.terminated());
  }

  @Test
  void shouldDescribeAcrobotV1() {
    Acrobot env = new Acrobot();
    assertEquals("acrobot", env.name());
    assertEquals(6, env.observationSize());
    assertEquals(3, env.actionCount());
    assertEquals(500, env.maxEpisodeSteps());
    assertEquals(-100.0, env.solvedThreshold(), 0.0);
  }
}
