package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The episodic RPE's norm: |R| (reference) against max(|R|, |r̄|). After an episode of return 100
 * (r̄ = 100), an episode of return 10 gives δ = −90/10 = −9 with |R| but −90/100 = −0.9 with the
 * larger norm: the same trace, a ten times smaller step. A better episode (R > r̄ > 0) is divided
 * by |R| either way.
 */
class RpeNormTest {
  private static final double[] OBSERVATION = {0.4, -0.3, 0.8};

  private static Learner learner(RpeNorm norm) {
    return Learners.create(LearnerConfig.builder(3, 8, 2).rule(Rule.BP).learningRate(0.1).rpeNorm(norm).seed(9).build());
  }

  /** One 5-step episode whose rewards sum to {@code episodeReturn}; returns the weight change. */
  private static double[] episode(Learner learner, double episodeReturn) {
    double[] before = learner.network().weights().toArray();
    for (int t = 0; t < 5; t++) {
      learner.step(OBSERVATION);
      learner.reward(episodeReturn / 5);
    }
    learner.endEpisode();
    double[] after = learner.network().weights().toArray();
    for (int k = 0; k < after.length; k++) {
      after[k] -= before[k];
    }
    return after;
  }

  @Test
  void shouldDivideAWorseEpisodesErrorByThePredictionWhenItIsLarger() {
    Learner reference = learner(RpeNorm.RETURN);
    Learner bounded = learner(RpeNorm.LARGER_OF_RETURN_AND_PREDICTION);
    assertArrayEquals(episode(reference, 100), episode(bounded, 100), 0.0, "first episode: δ = 0 for both");

    double[] large = episode(reference, 10);
    double[] small = episode(bounded, 10);
    double largest = 0;
    for (int k = 0; k < large.length; k++) {
      assertEquals(10 * small[k], large[k], 1e-12 * Math.abs(large[k]) + 1e-300, "parameter " + k);
      largest = Math.max(largest, Math.abs(large[k]));
    }
    assertEquals(true, largest > 0, "the worse episode moved the weights");
  }

  @Test
  void shouldDivideABetterEpisodesErrorByItsReturnEitherWay() {
    Learner reference = learner(RpeNorm.RETURN);
    Learner bounded = learner(RpeNorm.LARGER_OF_RETURN_AND_PREDICTION);
    episode(reference, 10);
    episode(bounded, 10);
    assertArrayEquals(episode(reference, 100), episode(bounded, 100), 0.0);
  }
}
