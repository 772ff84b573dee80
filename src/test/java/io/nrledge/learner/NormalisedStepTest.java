package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The per-synapse normalised step ({@link LearnerConfig#rmsStep()}): each synapse's running mean
 * square and step by hand, the first update of a learner against its plain twin, and its refusals.
 */
class NormalisedStepTest {

  @Test
  void eachSynapseShouldStepByEtaTimesItsUpdateOverTheRootOfItsMeanSquare() {
    Weights w = new Weights(new int[] {1, 2}, false); // one layer, two synapses
    Weights step = w.newZeroed();
    Weights meanSquare = w.newZeroed();
    double rho = 0.9;
    step.set(0, 2.0);
    step.set(1, -0.5);
    w.addNormalised(0.1, step, meanSquare, rho);
    // m = 0.1·g²: {0.4, 0.025}; Δw = 0.1·g/(√m + ε)
    assertEquals(0.4, meanSquare.get(0), 1e-15);
    assertEquals(0.025, meanSquare.get(1), 1e-15);
    assertEquals(0.1 * 2.0 / (Math.sqrt(0.4) + Weights.RMS_EPSILON), w.get(0), 1e-15);
    assertEquals(0.1 * -0.5 / (Math.sqrt(0.025) + Weights.RMS_EPSILON), w.get(1), 1e-15);

    double before0 = w.get(0);
    double before1 = w.get(1);
    step.set(0, 1.0);
    step.set(1, 0.0);
    w.addNormalised(0.1, step, meanSquare, rho);
    // m = 0.9·0.4 + 0.1·1 = 0.46; the second synapse's update is 0: m decays to 0.0225, w stays
    assertEquals(0.46, meanSquare.get(0), 1e-15);
    assertEquals(0.0225, meanSquare.get(1), 1e-15);
    assertEquals(before0 + 0.1 / (Math.sqrt(0.46) + Weights.RMS_EPSILON), w.get(0), 1e-15);
    assertEquals(before1, w.get(1), 0.0);
  }

  @Test
  void aLearnersFirstUpdateShouldBeItsPlainTwinsUpdateNormalisedPerSynapse() {
    // Twins on the same seeds: the first reward only sets the baseline (δ = 0, nothing moves); the
    // second is the first update, where m = (1 − ρ)g² with g the plain twin's update over η.
    double eta = 0.01;
    double rho = 0.999;
    LearnerConfig.Builder b = LearnerConfig.builder(3, 6, 3).form(CreditForm.IMMEDIATE).noiseProbe(NoiseProbe.PER_LAYER)
        .probesPerLayer(4).learningRate(eta).sigma(1e-3).biases(true).seed(5);
    AbstractLearner plain = (AbstractLearner) Learners.create(b.build());
    AbstractLearner normalised = (AbstractLearner) Learners.create(b.rmsStep(rho).build());
    double[] obs = {0.3, -0.8, 0.5};
    for (AbstractLearner learner : new AbstractLearner[] {plain, normalised}) {
      learner.step(obs);
      learner.reward(1.0);
    }
    double[] start = plain.network().weights().toArray();
    assertArrayEquals(start, normalised.network().weights().toArray(), 0.0, "a zero update moves nothing");
    assertEquals(plain.step(obs), normalised.step(obs), "same noise and action stream");
    plain.reward(-2.0);
    normalised.reward(-2.0);

    double[] plainAfter = plain.network().weights().toArray();
    double[] after = normalised.network().weights().toArray();
    int moved = 0;
    for (int k = 0; k < start.length; k++) {
      double g = (plainAfter[k] - start[k]) / eta;
      double expected = start[k] + eta * g / (Math.sqrt((1 - rho) * g * g) + Weights.RMS_EPSILON);
      assertEquals(expected, after[k], 1e-12, "parameter " + k);
      moved += g != 0 ? 1 : 0;
    }
    assertTrue(moved > start.length / 2, "most parameters moved: " + moved + " of " + start.length);
  }

  @Test
  void shouldRefuseOutsideTheImmediateFormAndOutOfRange() {
    LearnerConfig.Builder b = LearnerConfig.builder(3, 4, 2);
    IllegalArgumentException episodic = assertThrows(IllegalArgumentException.class,
        () -> b.form(CreditForm.EPISODIC).rmsStep(0.99).build());
    assertTrue(episodic.getMessage().startsWith("rms-step: the normalised step is built for the immediate form"),
        episodic.getMessage());
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> b.form(CreditForm.IMMEDIATE).rmsStep(1.0).build());
    assertEquals("rms-step: must be in [0, 1), got 1.0", one.getMessage());
  }
}
