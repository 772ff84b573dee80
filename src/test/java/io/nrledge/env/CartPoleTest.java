package io.nrledge.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CartPoleTest {
  private static final double TWELVE_DEGREES_RAD = 12 * 2 * Math.PI / 360;

  /**
   * One explicit Euler step of the frictionless cart-pole (Florian 2007, eqs. 23 and 24 with
   * μ = 0), written independently of the implementation: g 9.8, cart 1 kg, pole 0.1 kg, pole
   * half-length 0.5 m, τ 0.02 s.
   */
  private static double[] eulerStep(double[] s, double forceN) {
    double g = 9.8;
    double mc = 1.0;
    double mp = 0.1;
    double l = 0.5;
    double tau = 0.02;
    double x = s[0];
    double v = s[1];
    double th = s[2];
    double w = s[3];
    double thetaAcc = (g * Math.sin(th) + Math.cos(th) * ((-forceN - mp * l * w * w * Math.sin(th)) / (mc + mp)))
        / (l * (4.0 / 3.0 - mp * Math.cos(th) * Math.cos(th) / (mc + mp)));
    double xAcc = (forceN + mp * l * (w * w * Math.sin(th) - thetaAcc * Math.cos(th))) / (mc + mp);
    return new double[] {x + tau * v, v + tau * xAcc, th + tau * w, w + tau * thetaAcc};
  }

  @Test
  void shouldFollowFloriansEquationsWithExplicitEuler() {
    double[] start = {0.01, -0.2, 0.03, 0.4};
    CartPole env = new CartPole();
    env.resetTo(start);

    env.step(1);
    double[] afterRightPush = eulerStep(start, +10.0);
    assertArrayEquals(afterRightPush, env.observation(), 1e-12);

    env.step(0);
    assertArrayEquals(eulerStep(afterRightPush, -10.0), env.observation(), 1e-12);
  }

  @Test
  void shouldUpdatePositionsWithTheOldVelocities() {
    CartPole env = new CartPole();
    env.resetTo(new double[] {0.0, 1.0, 0.0, -2.0});
    env.step(1);
    assertEquals(0.02, env.observation()[0], 0.0);
    assertEquals(-0.04, env.observation()[2], 0.0);
  }

  @Test
  void shouldPushLeftOnActionZeroAndRightOnActionOne() {
    CartPole env = new CartPole();
    env.resetTo(new double[4]);
    env.step(0);
    assertTrue(env.observation()[1] < 0);
    env.resetTo(new double[4]);
    env.step(1);
    assertTrue(env.observation()[1] > 0);
  }

  @Test
  void shouldNotTerminateWithCartExactlyAtTheTrackLimit() {
    CartPole env = new CartPole();
    env.resetTo(new double[] {2.4, 0.0, 0.0, 0.0});
    env.step(1);
    assertEquals(2.4, env.observation()[0], 0.0);
    assertFalse(env.terminated());

    env.resetTo(new double[] {-2.4, 0.0, 0.0, 0.0});
    env.step(0);
    assertFalse(env.terminated());
  }

  @Test
  void shouldTerminateWhenCartLeavesTheTrack() {
    CartPole env = new CartPole();
    env.resetTo(new double[] {2.4, 1e-9, 0.0, 0.0});
    env.step(1);
    assertTrue(env.terminated());

    env.resetTo(new double[] {-2.4, -1e-9, 0.0, 0.0});
    env.step(0);
    assertTrue(env.terminated());
  }

  @Test
  void shouldNotTerminateWithPoleExactlyAtTwelveDegrees() {
    CartPole env = new CartPole();
    env.resetTo(new double[] {0.0, 0.0, TWELVE_DEGREES_RAD, 0.0});
    env.step(1);
    assertEquals(TWELVE_DEGREES_RAD, env.observation()[2], 0.0);
    assertFalse(env.terminated());

    env.resetTo(new double[] {0.0, 0.0, -TWELVE_DEGREES_RAD, 0.0});
    env.step(0);
    assertFalse(env.terminated());
  }

  @Test
  void shouldTerminateWhenPoleExceedsTwelveDegrees() {
    CartPole env = new CartPole();
    env.resetTo(new double[] {0.0, 0.0, TWELVE_DEGREES_RAD, 1e-9});
    env.step(1);
    assertTrue(env.terminated());
    assertTrue(env.done());

    env.resetTo(new double[] {0.0, 0.0, -TWELVE_DEGREES_RAD, -1e-9});
    env.step(0);
    assertTrue(env.terminated());
  }

  @Test
  void shouldRewardOneOnEveryStepIncludingTheTerminalOne() {
    CartPole env = new CartPole();
    env.resetTo(new double[] {0.0, 0.0, 0.2, 2.0});
    double reward = 0;
    while (!env.done()) {
      reward = env.step(1);
      assertEquals(1.0, reward, 0.0);
    }
    assertTrue(env.terminated());
    assertEquals(1.0, reward, 0.0);
  }

  @Test
  void shouldTruncateAtFiveHundredStepsWithoutTerminating() {
    CartPole env = new CartPole();
    env.resetTo(new double[4]);
    double episodeReturn = 0;
    while (!env.done()) {
      double[] o = env.observation();
      episodeReturn += env.step(0.1 * o[0] + 0.5 * o[1] + 10 * o[2] + o[3] > 0 ? 1 : 0);
    }
    assertEquals(500, env.episodeSteps());
    assertTrue(env.truncated());
    assertFalse(env.terminated());
    assertEquals(500.0, episodeReturn, 0.0);
  }

  @Test
  void shouldStartUniformlyWithinFiveHundredthsDrawnFromTheSeededStream() {
    CartPole env = new CartPole();
    env.seed(7);
    env.reset();
    SplittableRandom reference = new SplittableRandom(7);
    for (int i = 0; i < 4; i++) {
      assertEquals(reference.nextDouble(-0.05, 0.05), env.observation()[i], 0.0);
    }
    for (int episode = 0; episode < 1000; episode++) {
      env.reset();
      for (double v : env.observation()) {
        assertTrue(v >= -0.05 && v < 0.05, "start value " + v);
      }
    }
  }

  @Test
  void shouldDescribeCartPoleV1() {
    CartPole env = new CartPole();
    assertEquals("cartpole", env.name());
    assertEquals(4, env.observationSize());
    assertEquals(2, env.actionCount());
    assertEquals(500, env.maxEpisodeSteps());
    assertEquals(475.0, env.solvedThreshold(), 0.0);
  }
}
