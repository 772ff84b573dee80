package io.nrledge.learner;

/** What the episodic reward-prediction error is divided by: δ = (R − r̄) / max(norm, floor). */
public enum RpeNorm {
  /** |R|, the reference code's choice: a short failed episode after long ones gives |δ| ≫ 1. */
  RETURN,
  /**
   * max(|R|, |r̄|) with r̄ the prediction before this episode: |δ| ≤ 2 always, so no single episode's
   * update can be many times a typical one. Still one broadcast scalar, so the rule stays local.
   */
  LARGER_OF_RETURN_AND_PREDICTION
}
