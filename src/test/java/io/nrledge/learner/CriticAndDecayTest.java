package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The continuing form's TD critic and the weight decay: the critic's δ and its update by hand, the
 * values it converges to on a chain whose values are known, the actor's update δ·E against a
 * learner without a critic, and the decay's exact factor, every step or only after quiet steps.
 */
class CriticAndDecayTest {

  @Test
  void tdErrorAndUpdateShouldMatchAHandComputation() {
    Critic critic = new Critic(new int[] {2, 3, 2}, 0.1, 0.9);
    double[][] s1 = {{1.0, -2.0}, {0.5, 0.0, 0.25}, {0, 0}};
    double[][] s2 = {{0.0, 1.0}, {1.0, 1.0, 0.0}, {0, 0}};
    assertTrue(Double.isNaN(critic.enter(s1)), "no transition before the first state");
    critic.reward(2.0);
    critic.reward(-0.5);
    // V(s1) = 0, V(s2) = 0: δ = 1.5 + 0.9·0 − 0; w += 0.1·1.5·f(s1), f(s1) = [1, 1, −2, 0.5, 0, 0.25]
    assertEquals(1.5, critic.enter(s2), 0.0);
    double[] expected = {0.15, 0.15, -0.3, 0.075, 0.0, 0.0375};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], critic.weight(i), 1e-15, "weight " + i);
    }
    // V(s2) = 0.15 − 0.3 + 0.075 + 0 = −0.075; back to s1: V(s1) = 0.15 + 0.15 + 0.6 + 0.0375 + 0.009375
    double vS2 = -0.075;
    double vS1 = 0.15 + 0.15 + 0.6 + 0.0375 + 0.25 * 0.0375;
    assertEquals(0.0 + 0.9 * vS1 - vS2, critic.enter(s1), 1e-15);
    // a terminal end: δ = R − V(s1), no bootstrap
    critic.reward(1.0);
    double vNow = critic.value();
    assertEquals(1.0 - vNow, critic.end(), 1e-15);
    assertTrue(Double.isNaN(critic.end()), "nothing in progress after an end");
  }

  @Test
  void shouldLearnTheDiscountedValuesOfAChain() {
    // A ring of 4 states with reward 1 on leaving state 3: V(k) = γ^(3−k) / (1 − γ^4), one-hot features.
    double gamma = 0.8;
    Critic critic = new Critic(new int[] {4, 2}, 0.05, gamma);
    double[][][] states = new double[4][][];
    for (int k = 0; k < 4; k++) {
      states[k] = new double[][] {new double[4], new double[2]};
      states[k][0][k] = 1.0;
    }
    for (int t = 0; t < 40_000; t++) {
      critic.enter(states[t % 4]);
      if (t % 4 == 3) {
        critic.reward(1.0);
      }
    }
    for (int k = 0; k < 4; k++) {
      critic.forget(); // look, do not learn: no transition into the state looked at
      critic.enter(states[k]);
      double expected = Math.pow(gamma, 3 - k) / (1 - Math.pow(gamma, 4));
      assertEquals(expected, critic.value(), 1e-6, "V(" + k + ")");
    }
  }

  @Test
  void theActorShouldMoveByEtaDeltaTimesTheTrace() {
    // Two learners on the same seeds, one with a critic: after one step and a reward, the second step
    // applies W += η δ E with E the first step's trace; the critic-less learner credits at the reward.
    LearnerConfig.Builder b = LearnerConfig.builder(3, 5, 2).form(CreditForm.CONTINUING).traceDecay(0.5)
        .learningRate(0.1).sigma(0.05).biases(true).seed(7);
    AbstractLearner plain = (AbstractLearner) Learners.create(b.build());
    AbstractLearner withCritic = (AbstractLearner) Learners.create(b.criticRate(0.2).criticDiscount(0.9).build());
    double[] obs = {0.3, -1.0, 0.5};
    plain.step(obs);
    withCritic.step(obs);
    Weights trace = plain.network().newWeights();
    trace.addOuter(plain.creditScale, plain.u, plain.v);
    double[] before = withCritic.network().weights().toArray();
    withCritic.reward(2.0, 0);
    assertArrayEquals(before, withCritic.network().weights().toArray(), 0.0, "a critic credits at the next step");

    withCritic.step(obs); // same observation: V(s′) = V(s) = 0 before the critic's first update, δ = 2
    assertEquals(2.0, withCritic.lastRpe(), 0.0);
    Network net = withCritic.network();
    double[] fanOut = new double[net.layers() + 1]; // NRL's fan-out factor n_l
    for (int l = 1; l <= net.layers(); l++) {
      fanOut[l] = net.size(l);
    }
    Weights step = net.newWeights();
    step.addScaled(0.1 * 2.0, trace, fanOut);
    double[] expected = step.toArray();
    double[] after = net.weights().toArray();
    for (int i = 0; i < after.length; i++) {
      assertEquals(before[i] + expected[i], after[i], 1e-15, "parameter " + i);
    }
  }

  @Test
  void weightDecayShouldShrinkEveryWeightByItsFactorEachStep() {
    LearnerConfig.Builder b = LearnerConfig.builder(3, 5, 2).form(CreditForm.CONTINUING).traceDecay(0.5)
        .learningRate(0.1).biases(true).seed(3).weightDecay(0.01);
    Learner learner = Learners.create(b.build());
    double[] before = learner.network().weights().toArray();
    learner.step(new double[] {1, 2, 3});
    double[] after = learner.network().weights().toArray();
    for (int i = 0; i < before.length; i++) {
      assertEquals(before[i] * 0.99, after[i], 1e-15, "no reward: only the decay moved parameter " + i);
    }
  }

  @Test
  void aGatedDecayShouldWaitForQuietStepsAndRestartTheCountAtANonzeroReward() {
    LearnerConfig.Builder b = LearnerConfig.builder(3, 5, 2).form(CreditForm.CONTINUING).traceDecay(0.5)
        .learningRate(0.0).biases(true).seed(3).weightDecay(0.01).weightDecayAfter(3);
    Learner learner = Learners.create(b.build()); // η 0: only the decay moves the weights
    double[] obs = {1, 2, 3};
    double first = learner.network().weights().toArray()[0];
    double expected = first;
    boolean[] decays = new boolean[10];
    for (int t = 0; t < 10; t++) {
      learner.step(obs);
      learner.reward(t == 5 ? 1.0 : 0.0, 0); // a zero reward (the per-tick one) does not restart the count
      double now = learner.network().weights().toArray()[0];
      decays[t] = now != expected;
      expected = now;
    }
    // quiet steps 1..3 free, 4..6 decay (the reward at step 6 comes after its step), 7..9 free again, 10 decays
    boolean[] want = {false, false, false, true, true, true, false, false, false, true};
    for (int t = 0; t < 10; t++) {
      assertEquals(want[t], decays[t], "step " + (t + 1));
    }
    assertEquals(first * Math.pow(0.99, 4), expected, 1e-15);
  }

  @Test
  void shouldRefuseACriticOutsideTheContinuingFormAndBadValues() {
    IllegalArgumentException episodic = assertThrows(IllegalArgumentException.class,
        () -> LearnerConfig.builder(3, 5, 2).criticRate(0.01).build());
    assertTrue(episodic.getMessage().startsWith("critic-rate: a critic needs the continuing form"), episodic.getMessage());
    LearnerConfig.Builder continuing = LearnerConfig.builder(3, 5, 2).form(CreditForm.CONTINUING).traceDecay(0.9);
    assertThrows(IllegalArgumentException.class, () -> continuing.criticRate(0.01).criticDiscount(1.0).build());
    assertThrows(IllegalArgumentException.class, () -> continuing.criticDiscount(0.9).criticRate(Double.NaN).build());
    IllegalArgumentException decay = assertThrows(IllegalArgumentException.class,
        () -> continuing.criticRate(0.01).weightDecay(-1e-3).build());
    assertTrue(decay.getMessage().startsWith("weight-decay: "), decay.getMessage());
    IllegalArgumentException after = assertThrows(IllegalArgumentException.class,
        () -> continuing.weightDecay(1e-5).weightDecayAfter(-1).build());
    assertTrue(after.getMessage().startsWith("weight-decay-after: "), after.getMessage());
  }
}
