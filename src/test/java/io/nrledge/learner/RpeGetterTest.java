package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Learner#lastRpe()}: the δ the learner last updated with, for telemetry. */
class RpeGetterTest {
  private static final double[] OBS = {0.1, -0.2, 0.3, 0.05};

  @Test
  void shouldReportTheRewardPredictionErrorOfTheLatestImmediateUpdate() {
    Learner l = Learners.create(LearnerConfig.builder(4, 8, 2).form(CreditForm.IMMEDIATE).baselineRate(0.5).seed(1).build());
    assertTrue(Double.isNaN(l.lastRpe()), "no update yet");
    l.step(OBS);
    l.reward(1.0);
    assertEquals(0.0, l.lastRpe(), "the first reward defines the baseline: δ = 0");
    l.step(OBS);
    l.reward(3.0);
    assertEquals(2.0, l.lastRpe(), 1e-12, "δ = 3 − r̄ with r̄ = 1");
    l.step(OBS);
    l.reward(0.0);
    assertEquals(-2.0, l.lastRpe(), 1e-12, "r̄ moved half way to 3: δ = 0 − 2");
  }

  @Test
  void shouldReportAPositiveEpisodicRpeWhenTheReturnBeatsThePrediction() {
    Learner l = Learners.create(LearnerConfig.builder(4, 8, 2).form(CreditForm.EPISODIC).seed(1).build());
    l.step(OBS);
    l.reward(10.0);
    l.endEpisode();
    double first = l.lastRpe();
    l.step(OBS);
    l.reward(30.0);
    l.endEpisode();
    assertEquals(0.0, first, "the first return defines the prediction");
    assertTrue(l.lastRpe() > 0, "a better return than predicted: δ > 0, got " + l.lastRpe());
  }
}
