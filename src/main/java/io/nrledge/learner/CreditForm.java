package io.nrledge.learner;

/** When and how a reward reaches the weights (see {@link Learner}). */
public enum CreditForm {
  /** Delayed reward: one update per episode from the episode return (CartPole, Acrobot). */
  EPISODIC,
  /** One update per step from the reward of that step (Reaching). */
  IMMEDIATE,
  /** No episodes: decaying traces, an update whenever a reward arrives (robots). */
  CONTINUING
}
