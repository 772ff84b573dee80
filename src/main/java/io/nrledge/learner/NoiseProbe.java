package io.nrledge.learner;

/** How NRL probes the network with noise each step. */
public enum NoiseProbe {
  /**
   * The paper's rule: one noisy pass with noise on every layer; each layer's estimate uses the one
   * Δ and the norm of all the noise (per layer in the immediate form).
   */
  JOINT,
  /**
   * One noisy pass per layer with noise on that layer only; layer l's estimate is
   * {@code Δ_l ξ_l / ‖ξ_l‖² · x_{l−1}ᵀ}. No other layer's noise enters Δ_l, so the estimate has far
   * less variance, and {@code E[estimate] = ∇_{W_l} ln π / n_l}: with the fan-out factor n_l it is
   * unbiased. Each layer still sees only its own noise, its input and one global scalar. The output
   * layer's pass is free (noise added to the logits); the others cost a product per layer above.
   */
  PER_LAYER,
  /**
   * Per-layer probes that split each layer's units among them: unit i of layer l is noised, ±σ with
   * a fresh random sign each step, in probe {@code i mod P} only, P = min(K, n_l). Unit i's estimate
   * is {@code Δ_lp s_i / (σ n_l)}: the same expectation as {@link #PER_LAYER}'s, ∇ ln π / n_l, but the
   * probes' noise vectors are orthogonal, so only the other units of its own group add variance, and
   * with K ≥ n_l (one unit per probe) it is the exact finite difference, backprop's gradient up to
   * O(σ). A layer narrower than K takes n_l passes, not K. The noise kind plays no part (signs only).
   * Still local: a unit knows its sign and its slot, and hears one broadcast Δ per probe.
   */
  PARTITIONED
}
