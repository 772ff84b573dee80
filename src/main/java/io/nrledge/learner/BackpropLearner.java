package io.nrledge.learner;

/**
 * REINFORCE with exact backpropagation and plain SGD: the baseline NRL is measured against.
 *
 * <pre>
 * u_L = onehot(a) − π                         (∂ ln π(a|s) / ∂z_L; times w with a floor, see AbstractLearner)
 * u_l = φ'(z_l) ⊙ W_{l+1}ᵀ u_{l+1}             (l = L−1 … 1)
 * v   = x                                     so u_l v_{l−1}ᵀ = ∇_{W_l} ln π(a|s)
 * </pre>
 *
 * The network keeps a transposed copy of its fan-out layers past the first, so the backward
 * products vectorize as the forward ones do (the fastest BP this code base can write; results are
 * bit-identical to the dot products it replaced). Reads and writes: z, x (clean), u.
 */
final class BackpropLearner extends AbstractLearner {

  BackpropLearner(LearnerConfig config) {
    super(config);
    net.weights().keepTransposedCopy();
  }

  @Override
  int probe(double[] observation, int forcedAction) {
    net.forward(observation, z, x);
    int a = chooseAction(z[outputLayer], forcedAction);
    double[] top = u[outputLayer];
    for (int k = 0; k < actions; k++) {
      top[k] = (k == a ? 1.0 : 0.0) - probs[k];
    }
    double w = actingScoreWeight(a); // the floor's share: ∇ ln μ(a) = w ∇ ln π(a)
    if (w != 1.0) {
      for (int k = 0; k < actions; k++) {
        top[k] *= w;
      }
    }
    for (int l = outputLayer - 1; l >= 1; l--) {
      net.transposedProduct(l + 1, u[l + 1], u[l]);
      net.multiplyByDerivative(u[l], z[l], x[l]);
    }
    v = x;
    return a;
  }
}
