package io.nrledge.learner;

/** The learning rules, all on the same network class and reward prediction. */
public enum Rule {
  /** Noise-based reward-modulated learning: clean and noisy passes, Δ log π times local noise. */
  NRL,
  /** Reward-modulated Hebbian learning, explicit noise: the noisy network acts, trace ξ x̃ᵀ. */
  RMHL,
  /** RMHL with implicit noise: the trace uses z̃ minus its running average instead of ξ. */
  RMHL_IMPLICIT,
  /** REINFORCE with exact backpropagation and plain SGD. */
  BP
}
