package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A learner's saved state is all it needs: a learner built from another seed, loaded with it,
 * continues bit-identically (actions, weights, traces, baseline, generators), for every rule and
 * credit form; and the same state always gives the same bytes.
 */
class LearnerStateTest {

  static Stream<Arguments> rulesAndForms() {
    List<Arguments> cases = new ArrayList<>();
    for (CreditForm form : CreditForm.values()) {
      cases.add(Arguments.of(Rule.NRL, NoiseProbe.JOINT, form));
      cases.add(Arguments.of(Rule.NRL, NoiseProbe.PER_LAYER, form));
      cases.add(Arguments.of(Rule.NRL, NoiseProbe.PARTITIONED, form));
      cases.add(Arguments.of(Rule.RMHL, NoiseProbe.JOINT, form));
      cases.add(Arguments.of(Rule.RMHL_IMPLICIT, NoiseProbe.JOINT, form));
      cases.add(Arguments.of(Rule.BP, NoiseProbe.JOINT, form));
    }
    return cases.stream();
  }

  private static Learner learner(Rule rule, NoiseProbe probe, CreditForm form, long seed) {
    return Learners.create(LearnerConfig.builder(3, 8, 6, 2).rule(rule).noiseProbe(probe)
        .probesPerLayer(probe == NoiseProbe.PARTITIONED ? 4 : 1).form(form).biases(true)
        .traceDecay(form == CreditForm.CONTINUING ? 0.9 : 1.0).learningRate(rule.name().startsWith("RMHL") ? 50 : 0.05)
        .sigma(0.05).seed(seed).build());
  }

  /** Steps with rewards (late ones in the continuing form) and episode ends; records every action. */
  private static List<Integer> drive(Learner l, int steps, long salt) {
    List<Integer> actions = new ArrayList<>();
    double[] obs = new double[3];
    for (int t = 0; t < steps; t++) {
      obs[0] = Math.sin(0.1 * t + salt);
      obs[1] = Math.cos(0.07 * t);
      obs[2] = (t % 5) - 2;
      int a = l.step(obs);
      actions.add(a);
      l.reward(a == 0 ? 1.0 : -0.5, t % 3);
      if (t % 17 == 16) {
        l.endEpisode();
      }
    }
    return actions;
  }

  private static byte[] save(Stateful s) {
    ByteBuffer b = ByteBuffer.allocate(s.stateBytes()).order(ByteOrder.LITTLE_ENDIAN);
    s.saveState(b);
    assertEquals(s.stateBytes(), b.position(), "saveState wrote exactly stateBytes()");
    return b.array();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("rulesAndForms")
  void shouldContinueBitIdenticallyAfterLoadingIntoALearnerOfAnotherSeed(Rule rule, NoiseProbe probe, CreditForm form) {
    Learner original = learner(rule, probe, form, 11);
    drive(original, 120, 0);
    byte[] saved = save(original);
    Learner restored = learner(rule, probe, form, 99);
    restored.loadState(ByteBuffer.wrap(saved).order(ByteOrder.LITTLE_ENDIAN));
    assertArrayEquals(saved, save(restored), "the loaded state saves to the same bytes");

    List<Integer> expected = drive(original, 150, 1);
    List<Integer> actual = drive(restored, 150, 1);

    assertEquals(expected, actual, "same actions after the load");
    assertArrayEquals(save(original), save(restored), "same weights, traces, baseline and generators");
    double[] w = original.network().weights().toArray();
    double[] v = restored.network().weights().toArray();
    for (int k = 0; k < w.length; k++) {
      assertEquals(Double.doubleToRawLongBits(w[k]), Double.doubleToRawLongBits(v[k]), "weight " + k);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("holdRules")
  void shouldResumeInTheMiddleOfAnExplorationHoldBitIdentically(Rule rule) {
    LearnerConfig.Builder b = LearnerConfig.builder(3, 8, 2).rule(rule).form(CreditForm.CONTINUING).traceDecay(0.9)
        .learningRate(0.05).sigma(0.05).exploration(0.3).explorationHold(7);
    AbstractLearner original = (AbstractLearner) Learners.create(b.seed(11).build());
    double[] obs = {0.2, -0.4, 1.0};
    int steps = 0;
    while (original.heldTicksLeft() < 3 && steps++ < 10_000) {
      original.step(obs);
    }
    assertEquals(true, original.heldTicksLeft() >= 3, "reached the middle of a hold");
    byte[] saved = save(original);
    AbstractLearner restored = (AbstractLearner) Learners.create(b.seed(99).build());
    restored.loadState(ByteBuffer.wrap(saved).order(ByteOrder.LITTLE_ENDIAN));

    assertEquals(original.heldTicksLeft(), restored.heldTicksLeft(), "the hold counter is state");
    assertEquals(drive(original, 150, 1), drive(restored, 150, 1), "same actions after the load, the held ones first");
    assertArrayEquals(save(original), save(restored), "same weights, traces, baseline, generators and hold");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("holdRules")
  void shouldResumeWithATdCriticAndWeightDecayBitIdentically(Rule rule) {
    LearnerConfig.Builder b = LearnerConfig.builder(3, 8, 6, 2).rule(rule).form(CreditForm.CONTINUING).traceDecay(0.9)
        .learningRate(rule == Rule.RMHL ? 50 : 0.05).sigma(0.05).biases(true).criticRate(0.01).weightDecay(1e-4).weightDecayAfter(2);
    Learner[] twins = resumedTwins(b);
    assertEquals(((AbstractLearner) twins[0]).criticValue(), ((AbstractLearner) twins[1]).criticValue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("holdRules")
  void shouldResumeWithTheNormalisedStepBitIdentically(Rule rule) {
    LearnerConfig.Builder b = LearnerConfig.builder(3, 8, 6, 2).rule(rule).form(CreditForm.IMMEDIATE)
        .learningRate(rule == Rule.RMHL ? 0.01 : 1e-3).sigma(0.05).biases(true).rmsStep(0.99);
    Learner original = resumedTwins(b)[0];
    assertEquals(Learners.create(b.rmsStep(0).seed(11).build()).stateBytes() + 8 * original.network().weights().count(),
        original.stateBytes(), "the mean squares add one double per parameter");
  }

  /**
   * A learner of {@code b} driven 120 steps (seed 11), its state loaded into one of another seed, both
   * driven 150 more: same bytes after the load, same actions and state after; returns the two.
   */
  private static Learner[] resumedTwins(LearnerConfig.Builder b) {
    Learner original = Learners.create(b.seed(11).build());
    drive(original, 120, 0);
    byte[] saved = save(original);
    Learner restored = Learners.create(b.seed(99).build());
    restored.loadState(ByteBuffer.wrap(saved).order(ByteOrder.LITTLE_ENDIAN));
    assertArrayEquals(saved, save(restored), "the loaded state saves to the same bytes");

    assertEquals(drive(original, 150, 1), drive(restored, 150, 1), "same actions after the load");
    assertArrayEquals(save(original), save(restored), "same state after the same steps");
    return new Learner[] {original, restored};
  }

  static Stream<Rule> holdRules() {
    return Stream.of(Rule.NRL, Rule.BP, Rule.RMHL);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("rulesAndForms")
  void shouldSaveTheSameStateToTheSameBytesAndAChangedStateToOthers(Rule rule, NoiseProbe probe, CreditForm form) {
    Learner l = learner(rule, probe, form, 5);
    drive(l, 40, 0);
    byte[] first = save(l);
    assertArrayEquals(first, save(l));
    drive(l, 1, 0);
    assertFalse(java.util.Arrays.equals(first, save(l)), "a step moves the generators");
  }
}
