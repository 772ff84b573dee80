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
  PER_LAYER
}
