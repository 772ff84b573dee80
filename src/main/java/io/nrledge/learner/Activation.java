package io.nrledge.learner;

/** Hidden-layer nonlinearities; the output layer is always a softmax over actions. */
public enum Activation {
  LEAKY_RELU,
  TANH
}
