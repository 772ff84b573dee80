package io.nrledge.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.env.CartPole;
import io.nrledge.learner.NoiseKind;

import io.nrledge.testing.AllocationWindows;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TrainingRunTest {
  private static RunSpec cartPole(Method rule, List<Double> lrs, long seed, int episodes, boolean stopWhenSolved) {
    return new ExperimentPlan(Task.CARTPOLE, false, List.of(rule), List.of(seed), TaskDefaults.hidden(),
        ExperimentPlan.sameRates(List.of(rule), lrs),
        List.of(), true, TaskDefaults.PROBES_PER_LAYER, NoiseKind.GAUSSIAN, episodes, stopWhenSolved).runs().get(0);
  }

  private static RunResult run(RunSpec spec) {
    return new TrainingRun(spec).run(new AtomicLong());
  }

  @Test
  void backpropShouldLiftTheCartPoleMovingAverageTo195Within300Episodes() {
    // Seed 1 first reaches 195 at episode 187; seeds 1..8 reach it at 187..472, except seed 3
    // (never within 600), so the budget leaves seed 1 a margin of 113 episodes.
    RunResult bp = run(cartPole(Method.BP, List.of(5e-2), 1, 300, false));

    int reached = MovingAverage.solvedAt(bp.returns(), bp.episodes(), MovingAverage.WINDOW, 195);
    assertTrue(reached > 0, "BP seed 1 never reached a 100-episode mean of 195 in 300 episodes");
  }

  @Test
  void nrlWithTheTunedDefaultsShouldSolveCartPoleOnEverySeed() {
    double random = randomPolicyMeanReturn(1000);
    assertTrue(random > 15 && random < 30, "a random CartPole policy averages about 22, got " + random);

    for (long seed = 1; seed <= 3; seed++) {
      RunResult nrl = run(cartPole(Method.NRL, List.of(), seed, 5000, true));
      // lr 2e-2, fan-out on: seeds 1..5 all solve within 5000 episodes (RESULTS.md, tuning).
      assertTrue(nrl.solvedAtEpisode() > 0, "NRL seed " + seed + " did not solve in 5000 episodes: final ma100 "
          + nrl.finalMovingAverage());
    }
  }

  @Test
  void theRecommendedLocalRuleShouldSolveCartPoleWithin400EpisodesAndStaySolved() {
    // nrl-layer at its defaults (K = 32, lr 0.2), tuning seed 102: solved at episode 280 and still
    // solved at 5,000 (RESULTS.md, "The recommended local rule"); 400 episodes leave a margin of 120.
    RunResult r = run(cartPole(Method.NRL_LAYER, List.of(), 102, 400, false));

    assertTrue(r.solvedAtEpisode() > 0 && r.solvedAtEpisode() <= 400,
        "nrl-layer seed 102 did not solve within 400 episodes: final ma100 " + r.finalMovingAverage());
    assertEquals(400, r.episodes());
    assertTrue(r.finalMovingAverage() >= 475, "it stays solved to the end: final ma100 " + r.finalMovingAverage());
  }

  @Test
  void shouldStopAtTheEpisodeThatSolvesTheTaskWhenAsked() {
    RunResult bp = run(cartPole(Method.BP, List.of(5e-2), 7, 3000, true));

    assertTrue(bp.solvedAtEpisode() > 0, "precondition: BP seed 7 solves CartPole within 3000 episodes");
    assertEquals(bp.solvedAtEpisode(), bp.episodes());
    assertTrue(bp.finalMovingAverage() >= 475);
  }

  @Test
  void shouldRunTheWholeBudgetAndCountEveryEpisodeAndStep() {
    AtomicLong episodesDone = new AtomicLong();
    RunResult result = new TrainingRun(cartPole(Method.NRL, List.of(), 1, 120, false)).run(episodesDone);

    assertEquals(120, result.episodes());
    assertEquals(120, episodesDone.get());
    long steps = 0;
    for (int e = 0; e < 120; e++) {
      assertEquals(result.steps()[e], result.returns()[e], 0.0, "CartPole pays +1 per step");
      steps += result.steps()[e];
    }
    assertEquals(steps, result.totalSteps());
  }

  @Test
  void aReachingTrialShouldLastExactly300Steps() {
    RunSpec reaching = new ExperimentPlan(Task.REACHING, false, List.of(Method.NRL), List.of(1L), TaskDefaults.hidden(),
        Map.of(), List.of(), false, TaskDefaults.PROBES_PER_LAYER, NoiseKind.GAUSSIAN, 3, false).runs().get(0);
    RunResult result = run(reaching);

    assertEquals(3, result.episodes());
    assertArrayEquals(new int[] {300, 300, 300}, result.steps());
    assertEquals(900, result.totalSteps());
  }

  @Test
  void cartPoleEpisodesShouldNotAllocateOnceWarm() {
    TrainingRun run = new TrainingRun(cartPole(Method.NRL, List.of(), 1, 4000, false));
    assertZeroAllocationPerEpisode(run, 50_000, 10_000);
  }

  @Test
  void reachingTrialsShouldNotAllocateOnceWarm() {
    RunSpec reaching = new ExperimentPlan(Task.REACHING, false, List.of(Method.NRL), List.of(1L), TaskDefaults.hidden(),
        Map.of(), List.of(), false, TaskDefaults.PROBES_PER_LAYER, NoiseKind.GAUSSIAN, 400, false).runs().get(0);
    assertZeroAllocationPerEpisode(new TrainingRun(reaching), 60_000, 12_000);
  }

  private static void assertZeroAllocationPerEpisode(TrainingRun run, long warmUpSteps, long measuredSteps) {
    long windowSteps = measuredSteps / AllocationWindows.WINDOWS;
    long[] bytes = AllocationWindows.measure(() -> runSteps(run, warmUpSteps), () -> runSteps(run, windowSteps));
    AllocationWindows.assertAtMostOneWindowAllocated(bytes, windowSteps + "-step windows");
  }

  /** Whole episodes until at least {@code steps} more steps have run. */
  private static void runSteps(TrainingRun run, long steps) {
    long start = run.totalSteps();
    while (run.totalSteps() - start < steps) {
      run.runEpisode();
    }
  }

  private static double randomPolicyMeanReturn(int episodes) {
    CartPole env = new CartPole();
    env.seed(5);
    SplittableRandom actions = new SplittableRandom(11);
    double sum = 0;
    for (int e = 0; e < episodes; e++) {
      env.reset();
      do {
        sum += env.step(actions.nextInt(2));
      } while (!env.done());
    }
    return sum / episodes;
  }
}
