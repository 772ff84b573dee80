package io.nrledge.runtime;

import io.nrledge.learner.Learner;
import io.nrledge.learner.Network;
import java.util.ArrayList;
import java.util.List;

/** A learner double: always picks {@code action}, records every call the loop makes; throws when told to. */
final class RecordingLearner implements Learner {
  record Credit(double reward, int stepsAgo, long atStep) {}

  final List<Credit> credits = new ArrayList<>();
  int action;
  long steps;
  long acts;
  long episodesEnded;
  long episodesDiscarded;
  boolean finite = true;
  RuntimeException stepThrows;
  RuntimeException rewardThrows;
  private final int inputs;
  private final int actions;
  private final int maxDelay;

  RecordingLearner(int inputs, int actions, int maxDelay) {
    this.inputs = inputs;
    this.actions = actions;
    this.maxDelay = maxDelay;
  }

  @Override public int observationSize() { return inputs; }
  @Override public int actionCount() { return actions; }
  @Override public int step(double[] observation) {
    steps++;
    if (stepThrows != null) {
      throw stepThrows;
    }
    return action;
  }
  @Override public int act(double[] observation) { acts++; return action; }
  @Override public int greedyAction(double[] observation) { return action; }
  @Override public void reward(double reward, int stepsAgo) {
    if (rewardThrows != null) {
      throw rewardThrows;
    }
    credits.add(new Credit(reward, stepsAgo, steps));
  }
  @Override public int maxRewardDelaySteps() { return maxDelay; }
  @Override public void endEpisode() { episodesEnded++; }
  @Override public void discardEpisode() { episodesDiscarded++; }
  @Override public Network network() { throw new UnsupportedOperationException("not needed by the loop"); }
  @Override public boolean weightsFinite() { return finite; }
  @Override public int stateBytes() { return 0; }
  @Override public void saveState(java.nio.ByteBuffer out) {}
  @Override public void loadState(java.nio.ByteBuffer in) {}
}
