package io.nrledge.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Reaching1DTest {
  private static final double TWO_PI = 2 * Math.PI;

  private static Reaching1D neurogym() {
    return new Reaching1D(Reaching1D.Variant.NEUROGYM);
  }

  private static Reaching1D corrected() {
    return new Reaching1D(Reaching1D.Variant.CORRECTED);
  }

  private static void assertObservation(double target, double position, double[] observation) {
    assertEquals(32, observation.length);
    for (int i = 0; i < 16; i++) {
      double preferred = i * Math.PI / 8;
      assertEquals(Math.cos(preferred - target), observation[i], 1e-12, "target unit " + i);
      assertEquals(Math.cos(preferred - position), observation[16 + i], 1e-12, "position unit " + i);
    }
  }

  @Test
  void shouldEncodeTargetThenPositionOnSixteenCosineTunedUnits() {
    Reaching1D env = neurogym();
    env.resetTo(new double[] {Math.PI, Math.PI / 2});
    assertObservation(Math.PI / 2, Math.PI, env.observation());
    assertEquals(1.0, env.observation()[4], 1e-15);
    assertEquals(-1.0, env.observation()[12], 1e-15);
    assertEquals(1.0, env.observation()[16 + 8], 1e-15);
    assertEquals(0.0, env.observation()[16 + 4], 1e-15);
  }

  @Test
  void shouldShowTheRealTargetAngleInBothVariants() {
    for (Reaching1D env : new Reaching1D[] {neurogym(), corrected()}) {
      env.resetTo(new double[] {Math.PI, 3.9});
      env.step(0);
      assertObservation(3.9, Math.PI, env.observation());
    }
  }

  @Test
  void shouldAddFiveHundredthsOnActionOneAndSubtractOnActionTwo() {
    Reaching1D env = neurogym();
    env.resetTo(new double[] {1.0, 2.0});
    env.step(1);
    assertObservation(2.0, 1.05, env.observation());
    env.step(2);
    env.step(2);
    assertObservation(2.0, 0.95, env.observation());
    env.step(0);
    assertObservation(2.0, 0.95, env.observation());
  }

  @Test
  void shouldWrapThePositionAroundTheCircle() {
    Reaching1D env = corrected();
    env.resetTo(new double[] {TWO_PI - 0.03, 0.02});
    double reward = env.step(1);
    assertObservation(0.02, 0.02, env.observation());
    assertEquals(1.0, reward, 1e-12);

    env.resetTo(new double[] {0.01, TWO_PI - 0.04});
    reward = env.step(2);
    assertObservation(TWO_PI - 0.04, TWO_PI - 0.04, env.observation());
    assertEquals(1.0, reward, 1e-12);
  }

  @Test
  void shouldRewardAgainstTheFloorOfTheTargetLikeNeurogym() {
    Reaching1D env = neurogym();
    env.resetTo(new double[] {Math.PI, 3.9});
    // Rewarded target floor(3.9) = 3: r = 1 − (π − 3).
    assertEquals(1 - (Math.PI - 3), env.step(0), 1e-12);
  }

  @Test
  void shouldRewardAgainstTheRealTargetWhenCorrected() {
    Reaching1D env = corrected();
    env.resetTo(new double[] {Math.PI, 3.9});
    assertEquals(1 - (3.9 - Math.PI), env.step(0), 1e-12);
  }

  @Test
  void shouldRewardTheShorterWayAroundTheCircle() {
    Reaching1D env = corrected();
    env.resetTo(new double[] {0.1, 6.2});
    // |0.1 − 6.2| = 6.1, the other way round is 2π − 6.1.
    assertEquals(1 - (TWO_PI - 6.1), env.step(0), 1e-12);

    Reaching1D quirk = neurogym();
    quirk.resetTo(new double[] {0.1, 6.2});
    // floor(6.2) = 6: distance 2π − 5.9 the short way.
    assertEquals(1 - (TWO_PI - 5.9), quirk.step(0), 1e-12);
  }

  @Test
  void shouldNeverRewardLessThanMinusOneTenth() {
    Reaching1D env = corrected();
    env.resetTo(new double[] {Math.PI, 0.0});
    assertEquals(-0.1, env.step(0), 0.0);
  }

  @Test
  void shouldTruncateAfterThreeHundredStepsAndNeverTerminate() {
    Reaching1D env = neurogym();
    for (int step = 1; step <= 300; step++) {
      assertFalse(env.done(), "done before step " + step);
      env.step(step % 3);
      assertFalse(env.terminated());
    }
    assertTrue(env.truncated());
    assertEquals(300, env.episodeSteps());
    assertThrows(IllegalStateException.class, () -> env.step(0));
  }

  @Test
  void shouldStartAtPiWithAUniformTargetFromTheSeededStream() {
    Reaching1D env = neurogym();
    env.seed(5);
    SplittableRandom reference = new SplittableRandom(5);
    for (int trial = 0; trial < 100; trial++) {
      env.reset();
      assertObservation(reference.nextDouble(0, TWO_PI), Math.PI, env.observation());
    }
  }

  @Test
  void shouldDescribeReaching1D() {
    Reaching1D env = neurogym();
    assertEquals("reaching", env.name());
    assertEquals(32, env.observationSize());
    assertEquals(3, env.actionCount());
    assertEquals(300, env.maxEpisodeSteps());
    assertTrue(Double.isNaN(env.solvedThreshold()));
  }
}
