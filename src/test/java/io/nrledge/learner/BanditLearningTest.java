package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A contextual bandit: 4 one-hot contexts, 3 actions, reward 1 for the context's correct action
 * ({@code (2·context + 1) mod 3}) and 0 otherwise. Chance accuracy is 1/3.
 */
class BanditLearningTest {
  private static final int CONTEXTS = 4;

  @Test
  void nrlShouldLearnTheBanditWithImmediateRewards() {
    LearnerConfig config = LearnerConfig.builder(CONTEXTS, 16, 3).form(CreditForm.IMMEDIATE)
        .fanOut(false).learningRate(0.1).sigma(1e-3).seed(7).build();
    Learner learner = Learners.create(config);
    train(learner, 20_000, 300); // 300-step trials, like Reaching: r̄ restarts each trial
    double accuracy = greedyAccuracy(learner);
    assertTrue(accuracy == 1.0, "greedy accuracy " + accuracy);
  }

  @Test
  void nrlShouldLearnTheBanditFromDelayedEpisodeReturns() {
    LearnerConfig config = LearnerConfig.builder(CONTEXTS, 16, 3).form(CreditForm.EPISODIC)
        .learningRate(0.05).sigma(1e-3).seed(7).build();
    Learner learner = Learners.create(config);
    train(learner, 40_000, 8);
    double accuracy = greedyAccuracy(learner);
    assertTrue(accuracy == 1.0, "greedy accuracy " + accuracy);
  }

  @Test
  void nrlShouldLearnTheBanditInTheContinuingFormWithLateRewards() {
    LearnerConfig config = LearnerConfig.builder(CONTEXTS, 16, 3).form(CreditForm.CONTINUING)
        .traceDecay(0.5).fanOut(false).learningRate(0.2).sigma(1e-3).seed(7).build();
    Learner learner = Learners.create(config);
    double[] obs = new double[CONTEXTS];
    Xoshiro256StarStar contexts = new Xoshiro256StarStar(99);
    int pendingReward = -1;
    for (int t = 0; t < 30_000; t++) {
      int context = (int) ((contexts.nextLong() >>> 1) % CONTEXTS);
      oneHot(obs, context);
      int a = learner.step(obs);
      if (pendingReward >= 0) {
        learner.reward(pendingReward, 1); // the reward of the previous step arrives one step late
      }
      pendingReward = a == correctAction(context) ? 1 : 0;
    }
    double accuracy = greedyAccuracy(learner);
    assertTrue(accuracy == 1.0, "greedy accuracy " + accuracy);
  }

  private static void train(Learner learner, int steps, int episodeLength) {
    double[] obs = new double[CONTEXTS];
    Xoshiro256StarStar contexts = new Xoshiro256StarStar(99);
    for (int t = 0; t < steps; t++) {
      int context = (int) ((contexts.nextLong() >>> 1) % CONTEXTS);
      oneHot(obs, context);
      int a = learner.step(obs);
      learner.reward(a == correctAction(context) ? 1 : 0);
      if (t % episodeLength == episodeLength - 1) {
        learner.endEpisode();
      }
    }
  }

  private static double greedyAccuracy(Learner learner) {
    double[] obs = new double[CONTEXTS];
    int correct = 0;
    for (int c = 0; c < CONTEXTS; c++) {
      oneHot(obs, c);
      correct += learner.greedyAction(obs) == correctAction(c) ? 1 : 0;
    }
    return correct / (double) CONTEXTS;
  }

  private static int correctAction(int context) {
    return (2 * context + 1) % 3;
  }

  private static void oneHot(double[] obs, int c) {
    java.util.Arrays.fill(obs, 0);
    obs[c] = 1;
  }
}
