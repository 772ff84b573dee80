package io.nrledge.runtime;

/** What the learner does in the loop. */
public enum Mode {
  /** Noisy probe, eligibility and updates (NRL by default). */
  TRAIN,
  /** The clean policy acts; no noise, no eligibility, no updates. */
  EVAL
}
