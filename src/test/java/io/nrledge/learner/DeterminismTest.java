package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Same seeds give bit-identical weights; a different seed in any stream gives different ones. */
class DeterminismTest {

  @Test
  void shouldProduceBitIdenticalWeightsForTheSameSeeds() {
    for (Rule rule : Rule.values()) {
      for (CreditForm form : CreditForm.values()) {
        LearnerConfig config = config(rule, form).seed(42).build();
        double[] first = train(Learners.create(config));
        double[] second = train(Learners.create(config));
        assertArrayEquals(first, second, rule + " " + form);
      }
    }
  }

  @Test
  void shouldDifferWhenAnyStreamSeedDiffers() {
    LearnerConfig base = config(Rule.NRL, CreditForm.EPISODIC).seed(42).build();
    double[] reference = train(Learners.create(base));
    for (LearnerConfig other : new LearnerConfig[] {
        base.toBuilder().weightSeed(base.weightSeed() + 1).build(),
        base.toBuilder().noiseSeed(base.noiseSeed() + 1).build(),
        base.toBuilder().actionSeed(base.actionSeed() + 1).build()}) {
      assertFalse(Arrays.equals(reference, train(Learners.create(other))));
    }
  }

  @Test
  void discardingAnEpisodeShouldLeaveTheWeightsAsTheyWere() {
    for (CreditForm form : CreditForm.values()) {
      Learner learner = Learners.create(config(Rule.NRL, form).seed(5).build());
      double[] obs = {0.3, -0.2, 1};
      learner.step(obs);
      learner.reward(1.0);
      learner.endEpisode(); // the reward baseline is defined from here on
      for (int t = 0; t < 10; t++) {
        learner.step(obs);
      }
      double[] before = learner.network().weights().toArray();
      learner.discardEpisode();
      learner.reward(5.0, 1);
      learner.endEpisode();
      assertArrayEquals(before, learner.network().weights().toArray(), form + ": nothing learned from a discarded episode");
    }
  }

  private static LearnerConfig.Builder config(Rule rule, CreditForm form) {
    return LearnerConfig.builder(3, 16, 16, 3).rule(rule).form(form)
        .traceDecay(form == CreditForm.CONTINUING ? 0.95 : 1.0).learningRate(rule == Rule.NRL ? 1e-2 : 1e-3);
  }

  /** A few thousand steps of a toy task; returns a copy of the weights. */
  private static double[] train(Learner learner) {
    double[] obs = new double[3];
    for (int t = 0; t < 5_000; t++) {
      obs[0] = Math.sin(t);
      obs[1] = Math.cos(0.7 * t);
      obs[2] = 1;
      int a = learner.step(obs);
      learner.reward(a == (t % 3) ? 1 : -0.5, t % 2);
      if (t % 50 == 49) {
        learner.endEpisode();
      }
    }
    return learner.network().weights().toArray();
  }
}
