package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearnerConfigTest {

  @Test
  void shouldNameTheKeyOfTheFirstBadSetting() {
    assertMessageStartsWith("layers:", () -> LearnerConfig.builder(4).build());
    assertMessageStartsWith("layers:", () -> LearnerConfig.builder(4, 0, 2).build());
    assertMessageStartsWith("layers:", () -> LearnerConfig.builder(4, 8, 1).build());
    assertMessageStartsWith("learning-rate:", () -> LearnerConfig.builder(4, 2).learningRate(Double.NaN).build());
    assertMessageStartsWith("sigma:", () -> LearnerConfig.builder(4, 2).sigma(0).build());
    assertMessageStartsWith("baseline-rate:", () -> LearnerConfig.builder(4, 2).baselineRate(1.5).build());
    assertMessageStartsWith("trace-decay:", () -> LearnerConfig.builder(4, 2).form(CreditForm.CONTINUING).traceDecay(1).build());
    assertMessageStartsWith("probes-per-layer:", () -> LearnerConfig.builder(4, 2).probesPerLayer(4).build());
    assertMessageStartsWith("probes-per-layer:", () -> LearnerConfig.builder(4, 2).noiseProbe(NoiseProbe.PER_LAYER).probesPerLayer(0).build());
  }

  @Test
  void shouldAcceptAnExplorationFloorInZeroToOneExclusive() {
    assertEquals(0.0, LearnerConfig.builder(4, 2).build().exploration(), "no floor unless asked");
    assertEquals(0.5, LearnerConfig.builder(4, 2).exploration(0.5).build().exploration());
    for (double bad : new double[] {-0.01, 1.0, 2.0, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LearnerConfig.builder(4, 2).exploration(bad).build());
      assertEquals("exploration: must be in [0, 1), got " + bad, e.getMessage());
    }
  }

  @Test
  void shouldAcceptAnExplorationHoldOfOneToMaxTicks() {
    assertEquals(1, LearnerConfig.builder(4, 2).build().explorationHold(), "single-tick floor unless asked");
    assertEquals(20, LearnerConfig.builder(4, 2).exploration(0.01).explorationHold(20).build().explorationHold());
    assertEquals(LearnerConfig.MAX_EXPLORATION_HOLD, LearnerConfig.builder(4, 2)
        .explorationHold(LearnerConfig.MAX_EXPLORATION_HOLD).build().explorationHold());
    for (int bad : new int[] {0, -3, LearnerConfig.MAX_EXPLORATION_HOLD + 1}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LearnerConfig.builder(4, 2).exploration(0.01).explorationHold(bad).build());
      assertEquals("exploration-hold: must be 1.." + LearnerConfig.MAX_EXPLORATION_HOLD + " ticks, got " + bad,
          e.getMessage());
    }
  }

  @Test
  void shouldDeriveDistinctStreamSeedsFromOneRunSeed() {
    LearnerConfig a = LearnerConfig.builder(4, 2).seed(1).build();
    LearnerConfig b = LearnerConfig.builder(4, 2).seed(2).build();
    assertTrue(a.weightSeed() != a.noiseSeed() && a.noiseSeed() != a.actionSeed());
    assertTrue(a.weightSeed() != b.weightSeed() && a.noiseSeed() != b.noiseSeed());
    assertEquals("4-64-2", LearnerConfig.builder(4, 64, 2).build().shape());
  }

  private static void assertMessageStartsWith(String prefix, Runnable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
  }
}
