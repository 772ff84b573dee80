package io.nrledge.learner;

/** Which integer transform turns random bits into neuron noise (see {@link IntegerNoise}). */
public enum NoiseKind {
  /** Centred Binomial(64, 1/2) from one popcount, scaled to unit variance: approximately Gaussian. */
  GAUSSIAN,
  /** ±1 with equal probability. */
  RADEMACHER
}
