package io.nrledge.learner;

/**
 * REINFORCE with exact backpropagation and plain SGD: the baseline NRL is measured against.
 *
 * <pre>
 * u_L = onehot(a) − π                         (∂ ln π(a|s) / ∂z_L)
 * u_l = φ'(z_l) ⊙ W_{l+1}ᵀ u_{l+1}             (l = L−1 … 1)
 * v   = x                                     so u_l v_{l−1}ᵀ = ∇_{W_l} ln π(a|s)
 * </pre>
 *
 * Reads and writes: z, x (clean), u.
 */
final class BackpropLearner extends AbstractLearner {

  BackpropLearner(LearnerConfig config) {
    super(config);
    this.u = new double[net.unitCount()];
  }

  @Override
  int probe(double[] observation, int forcedAction) {
    net.forward(observation, z, x);
    int a = chooseAction(z, forcedAction);
    for (int k = 0; k < actions; k++) {
      u[outputOffset + k] = (k == a ? 1.0 : 0.0) - probs[k];
    }
    backpropagate();
    v = x;
    return a;
  }

  /** {@code u_l = φ'(z_l) ⊙ W_{l+1}ᵀ u_{l+1}} for the hidden layers, top down. */
  private void backpropagate() {
    double[] w = net.weights();
    for (int l = net.layers() - 1; l >= 1; l--) {
      int below = net.unitOffset(l);
      int n = net.size(l);
      java.util.Arrays.fill(u, below, below + n, 0.0);
      int above = net.unitOffset(l + 1);
      int c = net.columns(l + 1);
      int row = net.weightOffset(l + 1);
      for (int i = 0; i < net.size(l + 1); i++, row += c) {
        double d = u[above + i];
        for (int j = 0; j < n; j++) {
          u[below + j] += w[row + j] * d;
        }
      }
      for (int j = below; j < below + n; j++) {
        u[j] *= net.derivative(z[j], x[j]);
      }
    }
  }
}
