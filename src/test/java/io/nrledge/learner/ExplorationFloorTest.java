package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exploration floor: actions from (1 − ε)·softmax + ε/A, credited as that mixture; and its
 * hold: a floor-picked action held for H ticks, the held ticks credited with nothing.
 */
class ExplorationFloorTest {
  private static final int ACTIONS = 3;
  private static final int HIDDEN = 4;

  @Test
  void shouldChooseEveryActionFromASaturatedPolicyOnlyWithAFloor() {
    int draws = 30_000;
    int[] withoutFloor = counts(saturated(0.0), draws);
    int[] withFloor = counts(saturated(0.06), draws);

    assertEquals(draws, withoutFloor[0], "the saturated softmax alone always picks action 0");
    double expectedOther = draws * 0.06 / ACTIONS; // 600: ε/A each
    for (int a = 1; a < ACTIONS; a++) {
      assertTrue(Math.abs(withFloor[a] - expectedOther) < 100, "action " + a + " chosen " + withFloor[a] + " times");
    }
  }

  @Test
  void nrlSignalShouldBeTheMixturesLogProbabilityChange() {
    double[] z = {0.4, -1.3, 2.0};
    double[] zNoisy = {0.41, -1.25, 1.97};
    double[] probs = new double[ACTIONS];
    Policy.softmax(z, probs);
    double epsilon = 0.1;
    for (int a = 0; a < ACTIONS; a++) {
      double softmaxDelta = Policy.logProbabilityChange(zNoisy, z, probs, a);
      double direct = Math.log(mixture(zNoisy, epsilon)[a]) - Math.log(mixture(z, epsilon)[a]);
      assertEquals(direct, Policy.logProbabilityChangeWithFloor(softmaxDelta, probs, ACTIONS, epsilon, a), 1e-14);
    }
  }

  @Test
  void scoreWeightTimesSoftmaxScoreShouldBeTheMixturesGradient() {
    double[] z = {0.4, -1.3, 2.0};
    double[] probs = new double[ACTIONS];
    Policy.softmax(z, probs);
    double epsilon = 0.2;
    double h = 1e-6;
    for (int a = 0; a < ACTIONS; a++) {
      double w = Policy.floorScoreWeight(probs, ACTIONS, epsilon, a);
      assertTrue(w > 0 && w < 1, "w " + w);
      for (int k = 0; k < ACTIONS; k++) {
        double[] up = z.clone();
        double[] down = z.clone();
        up[k] += h;
        down[k] -= h;
        double numeric = (Math.log(mixture(up, epsilon)[a]) - Math.log(mixture(down, epsilon)[a])) / (2 * h);
        assertEquals(numeric, w * ((k == a ? 1 : 0) - probs[k]), 1e-8, "d ln mu(" + a + ") / dz_" + k);
      }
    }
  }

  @Test
  void backpropOutputFactorShouldBeTheMixturesScore() {
    LearnerConfig config = LearnerConfig.builder(2, HIDDEN, ACTIONS).rule(Rule.BP).form(CreditForm.CONTINUING)
        .traceDecay(0.9).biases(true).exploration(0.3).seed(7).build();
    BackpropLearner learner = (BackpropLearner) Learners.create(config);
    double[] obs = {0.5, -0.2};
    for (int t = 0; t < 20; t++) {
      int a = learner.probe(obs, t % ACTIONS);
      double w = Policy.floorScoreWeight(learner.probs, ACTIONS, 0.3, a);
      double[] expected = new double[ACTIONS];
      for (int k = 0; k < ACTIONS; k++) {
        expected[k] = w * ((k == a ? 1 : 0) - learner.probs[k]);
      }
      assertArrayEquals(expected, learner.u[learner.outputLayer], 1e-15);
    }
  }

  @Test
  void aZeroFloorShouldLeaveTrainingBitIdentical() {
    for (Rule rule : Rule.values()) {
      LearnerConfig.Builder b = LearnerConfig.builder(2, HIDDEN, ACTIONS).rule(rule).form(CreditForm.CONTINUING)
          .traceDecay(0.9).learningRate(1e-2).seed(11);
      double[] plain = train(Learners.create(b.build()));
      double[] zeroFloor = train(Learners.create(b.exploration(0.0).build()));
      double[] someFloor = train(Learners.create(b.exploration(0.05).build()));
      assertArrayEquals(plain, zeroFloor, rule + ": ε 0 is the plain softmax");
      assertTrue(!java.util.Arrays.equals(plain, someFloor), rule + ": a floor changes what is learned");
    }
  }

  @Test
  void shouldHoldEachFloorPickedActionForHTicksOnASaturatedPolicy() {
    int ticks = 60_000;
    int hold = 20;
    double epsilon = 0.02;
    List<Integer> runs = otherActionRuns(saturated(epsilon, hold), ticks);
    int otherTicks = runs.stream().mapToInt(Integer::intValue).sum();
    for (int run : runs) {
      assertEquals(0, run % hold, "a run of a floor-picked action lasts a multiple of " + hold + " ticks, got " + run);
    }
    // a hold starts on a free tick with probability ε and lasts H ticks; 2 of 3 holds pick another action than 0
    double expected = ticks * (2.0 / 3) * epsilon * hold / (1 - epsilon + epsilon * hold);
    assertTrue(Math.abs(otherTicks - expected) < 0.15 * expected, otherTicks + " held ticks, expected ~" + expected);

    List<Integer> singleTicks = otherActionRuns(saturated(epsilon, 1), ticks);
    long ones = singleTicks.stream().filter(r -> r == 1).count();
    assertTrue(ones > 0.9 * singleTicks.size(), "without a hold the floor's actions come one tick at a time");
  }

  @Test
  void heldTicksShouldCreditNothingAndFreeTicksAsTheFloor() {
    for (Rule rule : new Rule[] {Rule.NRL, Rule.BP}) {
      AbstractLearner learner = (AbstractLearner) Learners.create(LearnerConfig.builder(2, HIDDEN, ACTIONS).rule(rule)
          .form(CreditForm.IMMEDIATE).learningRate(0.1).sigma(0.05).biases(true).exploration(0.2).explorationHold(5)
          .seed(5).build());
      double[] obs = {0.5, -0.2};
      int held = 0;
      for (int t = 0; t < 2_000; t++) {
        learner.step(obs);
        double[] before = learner.network().weights().toArray();
        learner.reward(1.0 + (t % 3), 0);
        boolean moved = !java.util.Arrays.equals(before, learner.network().weights().toArray());
        if (learner.holding) {
          held++;
          assertEquals(0.0, learner.creditScale, rule + ": a held tick has no score");
          assertTrue(!moved, rule + ": a reward for a held tick leaves the weights alone (tick " + t + ")");
        } else {
          assertEquals(learner.uScale, learner.creditScale, rule + ": a free tick is credited as the floor");
        }
      }
      // holds start on 20 % of free ticks and add 4 held ticks each: 0.8 / 1.8 of all ticks are held
      assertTrue(Math.abs(held - 2_000 * 0.8 / 1.8) < 120, rule + ": " + held + " held ticks");
    }
  }

  @Test
  void aOneTickHoldShouldBeTheFloorAndAHoldWithoutFloorThePlainSoftmaxBitForBit() {
    for (Rule rule : Rule.values()) {
      LearnerConfig.Builder b = LearnerConfig.builder(2, HIDDEN, ACTIONS).rule(rule).form(CreditForm.CONTINUING)
          .traceDecay(0.9).learningRate(1e-2).seed(11);
      double[] plain = train(Learners.create(b.build()));
      double[] holdWithoutFloor = train(Learners.create(b.explorationHold(20).build()));
      double[] floor = train(Learners.create(b.exploration(0.05).explorationHold(1).build()));
      double[] oneTickHold = train(Learners.create(b.exploration(0.05).explorationHold(1).build()));
      double[] longHold = train(Learners.create(b.exploration(0.05).explorationHold(20).build()));
      assertArrayEquals(plain, holdWithoutFloor, rule + ": a hold does nothing without a floor");
      assertArrayEquals(floor, oneTickHold, rule + ": H 1 is the single-tick floor");
      assertTrue(!java.util.Arrays.equals(floor, longHold), rule + ": a longer hold changes what is learned");
    }
  }

  /** Lengths of the maximal runs of actions other than 0 over {@code ticks} acts. */
  private static List<Integer> otherActionRuns(Learner learner, int ticks) {
    List<Integer> runs = new ArrayList<>();
    double[] obs = {0.3, -0.7};
    int previous = 0;
    int length = 0;
    for (int t = 0; t < ticks; t++) {
      int a = learner.act(obs);
      if (a != 0 && a == previous) {
        length++;
      } else {
        if (length > 0) {
          runs.add(length);
        }
        length = a != 0 ? 1 : 0;
      }
      previous = a;
    }
    return runs;
  }

  private static double[] train(Learner learner) {
    double[] obs = new double[2];
    for (int t = 0; t < 3_000; t++) {
      obs[0] = Math.sin(t * 0.05);
      obs[1] = Math.cos(t * 0.07);
      int a = learner.step(obs);
      if (t % 5 == 0) {
        learner.reward(a == (obs[0] > 0 ? 0 : 1) ? 1.0 : -1.0, 0);
      }
    }
    return learner.network().weights().toArray();
  }

  /** A learner whose policy puts all but e^-40 of its mass on action 0, whatever it observes. */
  private static Learner saturated(double epsilon) {
    return saturated(epsilon, 1);
  }

  /** {@link #saturated(double)} with an exploration hold of {@code hold} ticks. */
  private static Learner saturated(double epsilon, int hold) {
    Learner learner = Learners.create(LearnerConfig.builder(2, HIDDEN, ACTIONS).biases(true).exploration(epsilon)
        .explorationHold(hold).seed(3).build());
    Weights w = learner.network().weights();
    double[] all = w.toArray();
    for (int k = 0; k < all.length; k++) {
      w.set(k, 0.0);
    }
    int outputBlock = all.length - ACTIONS * (HIDDEN + 1);
    w.set(outputBlock + HIDDEN, 40.0); // the output bias of action 0
    return learner;
  }

  private static int[] counts(Learner learner, int draws) {
    int[] counts = new int[ACTIONS];
    double[] obs = {0.3, -0.7};
    for (int t = 0; t < draws; t++) {
      counts[learner.act(obs)]++;
    }
    return counts;
  }

  private static double[] mixture(double[] z, double epsilon) {
    double[] p = new double[z.length];
    Policy.softmax(z, p);
    for (int k = 0; k < p.length; k++) {
      p[k] = (1 - epsilon) * p[k] + epsilon / p.length;
    }
    return p;
  }
}
