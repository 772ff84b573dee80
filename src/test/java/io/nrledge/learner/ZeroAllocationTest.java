package io.nrledge.learner;

import io.nrledge.testing.AllocationWindows;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** After warm-up, steps, rewards and episode ends of every rule and form allocate nothing. */
class ZeroAllocationTest {

  static Stream<Arguments> rulesAndForms() {
    Stream.Builder<Arguments> all = Stream.builder();
    for (Rule rule : Rule.values()) {
      for (CreditForm form : CreditForm.values()) {
        all.add(Arguments.of(rule, form));
      }
    }
    return all.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void partitionedProbesShouldAllocateZeroBytesPerStepAfterWarmUp(CreditForm form) {
    assertZeroAllocation(LearnerConfig.builder(4, 32, 32, 2).noiseProbe(NoiseProbe.PARTITIONED).probesPerLayer(8)
        .form(form).traceDecay(form == CreditForm.CONTINUING ? 0.9 : 1.0).learningRate(1e-3).seed(1).build());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rulesAndForms")
  void shouldAllocateZeroBytesPerStepAfterWarmUp(Rule rule, CreditForm form) {
    assertZeroAllocation(LearnerConfig.builder(4, 64, 2).rule(rule).form(form)
        .traceDecay(form == CreditForm.CONTINUING ? 0.9 : 1.0).learningRate(1e-3).seed(1).build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void perLayerProbesShouldAllocateZeroBytesPerStepAfterWarmUp(CreditForm form) {
    assertZeroAllocation(LearnerConfig.builder(4, 32, 32, 2).noiseProbe(NoiseProbe.PER_LAYER).probesPerLayer(3)
        .form(form).traceDecay(form == CreditForm.CONTINUING ? 0.9 : 1.0).learningRate(1e-3).seed(1).build());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rulesAndForms")
  void anExplorationFloorShouldAllocateZeroBytesPerStepAfterWarmUp(Rule rule, CreditForm form) {
    assertZeroAllocation(LearnerConfig.builder(4, 64, 2).rule(rule).form(form).exploration(0.1)
        .traceDecay(form == CreditForm.CONTINUING ? 0.9 : 1.0).learningRate(1e-3).seed(1).build());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rulesAndForms")
  void anExplorationHoldShouldAllocateZeroBytesPerStepAfterWarmUp(Rule rule, CreditForm form) {
    assertZeroAllocation(LearnerConfig.builder(4, 64, 2).rule(rule).form(form).exploration(0.1).explorationHold(20)
        .traceDecay(form == CreditForm.CONTINUING ? 0.9 : 1.0).learningRate(1e-3).seed(1).build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void aCriticAndWeightDecayShouldAllocateZeroBytesPerStepAfterWarmUp(Rule rule) {
    assertZeroAllocation(LearnerConfig.builder(4, 64, 2).rule(rule).form(CreditForm.CONTINUING).traceDecay(0.9)
        .criticRate(1e-3).weightDecay(1e-6).learningRate(1e-3).seed(1).build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void theNormalisedStepShouldAllocateZeroBytesPerStepAfterWarmUp(Rule rule) {
    assertZeroAllocation(LearnerConfig.builder(4, 64, 2).rule(rule).form(CreditForm.IMMEDIATE).rmsStep(0.999)
        .learningRate(1e-4).seed(1).build());
  }

  static Stream<Rule> rules() {
    return Stream.of(Rule.values());
  }

  static Stream<CreditForm> forms() {
    return Stream.of(CreditForm.values());
  }

  private static void assertZeroAllocation(LearnerConfig config) {
    Rule rule = config.rule();
    CreditForm form = config.form();
    Learner learner = Learners.create(config);
    double[] obs = new double[4];
    long[] bytes = AllocationWindows.measure(() -> run(learner, obs, 60_000), () -> run(learner, obs, 2_500));
    AllocationWindows.assertAtMostOneWindowAllocated(bytes, rule + " " + form + ", 2,500-step windows");
  }

  /** A loop touching every entry point: train and eval steps, late rewards, episode ends. */
  private static void run(Learner learner, double[] obs, int steps) {
    for (int t = 0; t < steps; t++) {
      obs[0] = Math.sin(t * 0.01);
      obs[1] = Math.cos(t * 0.013);
      obs[2] = (t % 7) * 0.1;
      obs[3] = -obs[0];
      int a = learner.step(obs);
      learner.reward(a == 0 ? 1.0 : 0.0, t % 3);
      if (t % 97 == 0) {
        learner.act(obs);
        learner.greedyAction(obs);
      }
      if (t % 200 == 199) {
        learner.endEpisode();
      }
    }
  }
}
