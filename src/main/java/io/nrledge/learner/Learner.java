package io.nrledge.learner;

/**
 * A policy network trained online by one learning rule. One instance belongs to one thread.
 *
 * <p>Every method here except the constructors and {@link #loadState} is real-time safe: it
 * allocates nothing, takes no lock and does no I/O. Its {@link Stateful} state is everything a
 * resumed run needs to continue bit-identically: weights, traces, the reward baseline, the
 * episode's pending return, the late-reward history and every generator (actions, noise).
 *
 * <p>How rewards are credited depends on {@link CreditForm}:
 *
 * <ul>
 *   <li>{@code EPISODIC}: {@link #reward} adds to the episode's return; {@link #endEpisode} applies
 *       the update with the episode reward-prediction error and clears the traces.
 *   <li>{@code IMMEDIATE}: {@link #reward} updates the weights for the step just taken;
 *       {@link #endEpisode} starts a new trial (resets the reward baseline).
 *   <li>{@code CONTINUING}: traces decay every step; {@link #reward} applies {@code W += η δ E}
 *       with the trace as it stood {@code stepsAgo} steps back; {@link #endEpisode} clears traces.
 * </ul>
 */
public interface Learner extends Stateful {

  int observationSize();

  int actionCount();

  /** Train step: picks an action for {@code observation} and records this step's eligibility. */
  int step(double[] observation);

  /** Eval: samples the clean policy; no noise probe, no eligibility, no learning. */
  int act(double[] observation);

  /** Eval: the clean policy's most probable action; no noise probe, no learning. */
  int greedyAction(double[] observation);

  /** A reward for the step just taken (or, continuing, for the current step). */
  default void reward(double reward) {
    reward(reward, 0);
  }

  /**
   * A reward that belongs to the step taken {@code stepsAgo} steps back (0 = the latest step).
   * Only the continuing form looks back; the other forms treat every reward as current. Steps
   * further back than {@link #maxRewardDelaySteps()} are credited to the oldest kept trace.
   */
  void reward(double reward, int stepsAgo);

  /** How many steps back a reward can still be credited exactly. */
  int maxRewardDelaySteps();

  /** Ends the episode or trial (see the class comment). */
  void endEpisode();

  /**
   * Drops the episode in progress without learning from it: traces, the pending return and the
   * late-reward history are cleared, rewards before the next {@link #step} are ignored, and the
   * weights and the reward baseline stay as they are (the runtime calls it when a fault
   * interrupted the episode).
   */
  void discardEpisode();

  /** The network this learner trains: read its weights, never resize them. */
  Network network();

  /** True when every weight is finite; the runtime's watchdog checks it. */
  boolean weightsFinite();

  /**
   * The latest reward-prediction error δ the learner updated with (NaN before the first update
   * or for a learner that has none), for telemetry. Real-time safe.
   */
  default double lastRpe() {
    return Double.NaN;
  }
}
