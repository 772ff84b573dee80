package io.nrledge.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.learner.CreditForm;
import io.nrledge.learner.NoiseKind;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExperimentPlanTest {
  private static ExperimentPlan plan(Task task, List<Method> rules, List<Double> lrs, List<Double> sigmas) {
    return new ExperimentPlan(task, false, rules, List.of(1L, 2L), new int[] {64}, ExperimentPlan.sameRates(rules, lrs), sigmas,
        TaskDefaults.fanOut(task), TaskDefaults.PROBES_PER_LAYER, NoiseKind.RADEMACHER, 10, false);
  }

  @Test
  void shouldRunEveryRuleRateSigmaAndSeedExactlyOnceInThatOrder() {
    List<RunSpec> runs = plan(Task.CARTPOLE, List.of(Method.NRL, Method.RMHL), List.of(0.1, 0.2), List.of(1e-3, 1e-1)).runs();

    assertEquals(2 * 2 * 2 * 2, runs.size());
    Set<String> distinct = new HashSet<>();
    for (RunSpec run : runs) {
      distinct.add(run.setting() + "/" + run.seed());
    }
    assertEquals(runs.size(), distinct.size());
    assertEquals(new Setting(Method.NRL, 0.1, 1e-3), runs.get(0).setting());
    assertEquals(2L, runs.get(1).seed());
    assertEquals(new Setting(Method.NRL, 0.1, 1e-1), runs.get(2).setting());
    assertEquals(new Setting(Method.RMHL, 0.2, 1e-1), runs.get(15).setting());
  }

  @Test
  void shouldRunANoiselessRuleOncePerRateWhateverTheSigmas() {
    List<RunSpec> runs = plan(Task.CARTPOLE, List.of(Method.BP), List.of(0.05), List.of(1e-3, 1e-1)).runs();

    assertEquals(2, runs.size());
    assertTrue(Double.isNaN(runs.get(0).sigma()));
    assertNull(runs.get(0).noiseKind());
  }

  @Test
  void shouldUseEachRulesDefaultsWhenNoRatesOrSigmasAreGiven() {
    List<RunSpec> runs = plan(Task.ACROBOT, List.of(Method.NRL, Method.RMHL, Method.BP), List.of(), List.of()).runs();

    for (RunSpec run : runs) {
      Method rule = run.method();
      assertEquals(TaskDefaults.learningRate(Task.ACROBOT, rule), run.learner().learningRate(), 0.0);
      assertEquals(TaskDefaults.BASELINE_RATE, run.learner().baselineRate(), 0.0);
    }
    assertEquals(1e-3, runs.get(0).sigma(), 0.0);
    assertEquals(NoiseKind.RADEMACHER, runs.get(0).noiseKind());
  }

  @Test
  void shouldBuildTheTasksNetworkAndCreditForm() {
    RunSpec acrobot = plan(Task.ACROBOT, List.of(Method.NRL), List.of(), List.of()).runs().get(0);
    RunSpec reaching = new ExperimentPlan(Task.REACHING, true, List.of(Method.NRL), List.of(1L), new int[] {64, 32},
        Map.of(), List.of(), false, TaskDefaults.PROBES_PER_LAYER, NoiseKind.GAUSSIAN, 10, false).runs().get(0);

    assertArrayEquals(new int[] {6, 64, 3}, acrobot.learner().layerSizes());
    assertEquals(CreditForm.EPISODIC, acrobot.learner().form());
    assertArrayEquals(new int[] {32, 64, 32, 3}, reaching.learner().layerSizes());
    assertEquals(CreditForm.IMMEDIATE, reaching.learner().form());
    assertTrue(reaching.corrected());
  }

  @Test
  void shouldScaleOnlyNrlByFanOut() {
    List<RunSpec> runs = plan(Task.CARTPOLE, List.of(Method.NRL, Method.RMHL, Method.BP), List.of(), List.of()).runs();

    assertTrue(runs.get(0).learner().fanOut());
    assertFalse(runs.get(2).learner().fanOut());
    assertFalse(runs.get(4).learner().fanOut());
  }

  @Test
  void shouldGiveNrlLayerPerLayerProbesWithoutTheFanOutFactor() {
    RunSpec run = plan(Task.CARTPOLE, List.of(Method.NRL_LAYER), List.of(), List.of()).runs().get(0);

    assertEquals(io.nrledge.learner.NoiseProbe.PER_LAYER, run.learner().noiseProbe());
    assertEquals(TaskDefaults.PROBES_PER_LAYER, run.learner().probesPerLayer());
    assertFalse(run.learner().fanOut());
    assertEquals("nrl-layer", run.setting().label(false));
  }

  @Test
  void shouldSeedLearnerAndEnvironmentDifferentlyForEverySeed() {
    List<RunSpec> runs = plan(Task.CARTPOLE, List.of(Method.NRL), List.of(), List.of()).runs();
    RunSpec first = runs.get(0);
    RunSpec second = runs.get(1);

    assertNotEquals(first.learner().weightSeed(), second.learner().weightSeed());
    assertNotEquals(first.learner().noiseSeed(), second.learner().noiseSeed());
    assertNotEquals(first.envSeed(), second.envSeed());
    assertEquals(1L * 1_000_003 + 17, first.envSeed());
  }

  @Test
  void shouldCallItAGridOnlyWithSeveralRatesOrSigmas() {
    assertFalse(plan(Task.CARTPOLE, List.of(Method.NRL, Method.BP), List.of(0.05), List.of()).isGrid());
    assertTrue(plan(Task.CARTPOLE, List.of(Method.NRL), List.of(0.05, 0.01), List.of()).isGrid());
    assertTrue(plan(Task.CARTPOLE, List.of(Method.NRL), List.of(), List.of(1e-3, 1e-1)).isGrid());
  }
}
