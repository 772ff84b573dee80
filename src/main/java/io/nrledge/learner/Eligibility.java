package io.nrledge.learner;

/**
 * Per-synapse eligibility {@code E} laid out like the network's weights, built from rank-1 terms
 * {@code u_l v_{l−1}ᵀ}: {@code u} is a postsynaptic factor per unit and {@code v} a presynaptic
 * activity per unit (both unit vectors in the network's layout; with biases the last column sees
 * a presynaptic 1). Constructors allocate; every other method is real-time safe.
 */
final class Eligibility {
  private final Network net;
  final double[] trace;

  Eligibility(Network net) {
    this.net = net;
    this.trace = new double[net.weightCount()];
  }

  /** {@code E_l += scale · u_l v_{l−1}ᵀ} for every layer. */
  void addOuter(double scale, double[] u, double[] v) {
    addOuterTo(trace, net, scale, u, v);
  }

  /** {@code E ← γ E}. */
  void decay(double gamma) {
    double[] e = trace;
    for (int i = 0; i < e.length; i++) {
      e[i] *= gamma;
    }
  }

  void clear() {
    java.util.Arrays.fill(trace, 0.0);
  }

  /** {@code W_l += scale · c_l · E_l}; {@code layerScale[l]} holds c_l. */
  void applyTo(double[] weights, double scale, double[] layerScale) {
    for (int l = 1; l <= net.layers(); l++) {
      double k = scale * layerScale[l];
      int from = net.weightOffset(l);
      int to = net.weightOffset(l + 1);
      double[] e = trace;
      for (int i = from; i < to; i++) {
        weights[i] += k * e[i];
      }
    }
  }

  /** {@code target_l += scale · c_l · u_l v_{l−1}ᵀ} for every layer, on any weight-shaped array. */
  static void addOuterTo(double[] target, Network net, double scale, double[] u, double[] v, double[] layerScale) {
    for (int l = 1; l <= net.layers(); l++) {
      addLayerOuter(target, net, l, scale * layerScale[l], u, v);
    }
  }

  static void addOuterTo(double[] target, Network net, double scale, double[] u, double[] v) {
    for (int l = 1; l <= net.layers(); l++) {
      addLayerOuter(target, net, l, scale, u, v);
    }
  }

  private static void addLayerOuter(double[] target, Network net, int l, double scale, double[] u, double[] v) {
    final int n = net.size(l);
    final int m = net.size(l - 1);
    final int c = net.columns(l);
    final int post = net.unitOffset(l);
    final int pre = net.unitOffset(l - 1);
    final boolean bias = net.hasBiases();
    int row = net.weightOffset(l);
    for (int i = 0; i < n; i++, row += c) {
      double a = scale * u[post + i];
      for (int j = 0; j < m; j++) {
        target[row + j] += a * v[pre + j];
      }
      if (bias) {
        target[row + m] += a;
      }
    }
  }
}
