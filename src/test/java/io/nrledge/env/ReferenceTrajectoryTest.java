package io.nrledge.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Trajectories recorded from the reference implementations themselves (Gymnasium 1.3.0 and
 * neurogym v0.1.0) by {@code tests/reference/env_trajectories.py}. On x86-64 the tasks reproduce
 * them bit for bit; the 1e-12 tolerance leaves room for last-bit differences of {@code Math.sin}
 * and {@code Math.cos} on other CPUs.
 */
class ReferenceTrajectoryTest {
  private static final double TOLERANCE = 1e-12;

  @Test
  void shouldReproduceGymnasiumCartPole() {
    double[][] expected = {
      {0.009600000000000001, 0.17467919574755525, 0.030799999999999998, -0.2430687179600081, 1.0},
      {0.013093583914951107, -0.020868848948191993, 0.025938625640799837, 0.0591679999394166, 1.0},
      {0.012676206935987267, -0.21635292104612766, 0.02712198563958817, 0.3599205713784138, 1.0},
      {0.008349148515064714, -0.021626799199488206, 0.03432039706715644, 0.0759116989474441, 1.0},
      {0.00791661253107495, 0.17298676004769037, 0.035838631046105324, -0.20574851582677406, 1.0},
    };
    int[] actions = {1, 0, 0, 1, 1};
    CartPole env = new CartPole();
    env.resetTo(new double[] {0.01, -0.02, 0.03, 0.04});
    for (int k = 0; k < actions.length; k++) {
      double reward = env.step(actions[k]);
      assertArrayEquals(Arrays.copyOf(expected[k], 4), env.observation(), TOLERANCE, "step " + (k + 1));
      assertEquals(expected[k][4], reward, 0.0);
    }
  }

  @Test
  void shouldReproduceGymnasiumAcrobot() {
    double[][] expected = {
      {0.8580518207207607, 0.5135631148727365, 0.8158622759729398, -0.5782462681628431, 0.2657859773719594, 1.1352019076940971, -1.0},
      {0.8637717737073443, 0.5038832433674179, 0.9491581575933171, -0.3147996058988319, -0.36499880545922914, 1.7789340670138292, -1.0},
      {0.9244030168630375, 0.38141717634961686, 0.9948817553412729, 0.1010459939288425, -0.9589551462062252, 2.3407303285110883, -1.0},
      {0.9880647224569761, 0.15403929445443076, 0.8245156144142246, 0.5658392011756818, -1.3425616751026384, 2.5293322642438607, -1.0},
      {0.9952742663206094, -0.09710373216294334, 0.5372210602674194, 0.8434414813163683, -1.1340006246637888, 1.4286592855396, -1.0},
    };
    int[] actions = {2, 0, 1, 2, 0};
    Acrobot env = new Acrobot();
    env.resetTo(new double[] {0.4, -0.7, 1.1, -0.3});
    for (int k = 0; k < actions.length; k++) {
      double reward = env.step(actions[k]);
      assertArrayEquals(Arrays.copyOf(expected[k], 6), env.observation(), TOLERANCE, "step " + (k + 1));
      assertEquals(expected[k][6], reward, 0.0);
    }
  }

  /** Each row is neurogym's position after the step and its reward. */
  private static void assertReachingFollows(double[][] expected, int[] actions, Reaching1D env) {
    for (int k = 0; k < actions.length; k++) {
      double reward = env.step(actions[k]);
      for (int i = 0; i < 16; i++) {
        assertEquals(Math.cos(i * Math.PI / 8 - expected[k][0]), env.observation()[16 + i], TOLERANCE);
      }
      assertEquals(expected[k][1], reward, TOLERANCE, "step " + (k + 1));
    }
  }

  @Test
  void shouldReproduceNeurogymReachingAcrossTheWrap() {
    double[][] expected = {
      {0.01681469282041359, 0.9831853071795864},
      {0.0668146928204136, 0.9331853071795864},
      {0.1168146928204136, 0.8831853071795864},
      {0.0668146928204136, 0.9331853071795864},
      {0.0668146928204136, 0.9331853071795864},
    };
    Reaching1D env = new Reaching1D(Reaching1D.Variant.NEUROGYM);
    env.resetTo(new double[] {6.25, 0.3});
    assertReachingFollows(expected, new int[] {1, 1, 1, 2, 0}, env);
  }

  @Test
  void shouldReproduceNeurogymRewardingTheFloorOfTheTarget() {
    double[][] expected = {
      {3.191592653589793, 0.8084073464102071},
      {3.2415926535897928, 0.7584073464102072},
      {3.191592653589793, 0.8084073464102071},
      {3.191592653589793, 0.8084073464102071},
      {3.2415926535897928, 0.7584073464102072},
    };
    Reaching1D env = new Reaching1D(Reaching1D.Variant.NEUROGYM);
    env.resetTo(new double[] {Math.PI, 3.9});
    assertReachingFollows(expected, new int[] {1, 1, 2, 0, 1}, env);
  }
}
