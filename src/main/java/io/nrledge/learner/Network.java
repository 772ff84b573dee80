package io.nrledge.learner;

/**
 * A dense feed-forward policy network {@code [n0, H1, …, Hk, nA]}.
 *
 * <p>Parameters live in a {@link Weights} (its class comment gives the storage). Unit vectors
 * (pre-activations, activations, noise, eligibility factors) are per-layer arrays {@code u[l]} of
 * {@code n_l} entries made by {@link #newUnitVectors()}; layer 0 holds the input. Hidden layers
 * apply the activation; the output layer's pre-activations are the policy's logits.
 *
 * <p>The constructor allocates; every other method except {@link #newUnitVectors()} is real-time
 * safe.
 */
public final class Network {
  private final int[] sizes;
  private final int layers;
  private final Weights weights;
  private final boolean biases;
  private final Activation activation;
  private final double leakSlope;
  /** Four partial sums per input unit of a {@link #transposedProduct} along a transposed copy. */
  private final double[][] partialSums;
  /** The two results of the last {@link #dotPair} (fields, so nothing is allocated to return them). */
  private double pairClean;
  private double pairNoisy;

  /** Xavier-normal weights from {@code weightSeed}; biases start at 0. Not real-time safe. */
  public Network(int[] layerSizes, Activation activation, double leakSlope, boolean biases, long weightSeed) {
    this.sizes = layerSizes.clone();
    this.layers = sizes.length - 1;
    this.activation = activation;
    this.leakSlope = leakSlope;
    this.biases = biases;
    this.weights = new Weights(sizes, biases);
    int widest = 0;
    for (int n : sizes) {
      widest = Math.max(widest, n);
    }
    this.partialSums = new double[4][widest];
    Xoshiro256StarStar rng = new Xoshiro256StarStar(weightSeed);
    for (int l = 1; l <= layers; l++) {
      double std = Math.sqrt(2.0 / (sizes[l - 1] + sizes[l]));
      for (int i = 0; i < sizes[l]; i++) {
        for (int j = 0; j < sizes[l - 1]; j++) {
          weights.setWeight(l, i, j, std * rng.nextGaussianDouble());
        }
      }
    }
  }

  /** Number of weight layers L. */
  public int layers() {
    return layers;
  }

  /** Units in layer {@code l} (0 = inputs, L = actions). */
  public int size(int l) {
    return sizes[l];
  }

  public int inputSize() {
    return sizes[0];
  }

  public int outputSize() {
    return sizes[layers];
  }

  /** Units in the widest hidden or output layer. */
  public int widestNoisyLayer() {
    return widestNoisyLayer(sizes);
  }

  /** Units in the widest hidden or output layer of [n0, H1, …, nA]. */
  static int widestNoisyLayer(int[] layerSizes) {
    int widest = 0;
    for (int l = 1; l < layerSizes.length; l++) {
      widest = Math.max(widest, layerSizes[l]);
    }
    return widest;
  }

  /** One zeroed array per layer, {@code n_l} entries each. Not real-time safe. */
  public double[][] newUnitVectors() {
    double[][] u = new double[layers + 1][];
    for (int l = 0; l <= layers; l++) {
      u[l] = new double[sizes[l]];
    }
    return u;
  }

  /** Zeroed parameters shaped like this network's. Not real-time safe. */
  public Weights newWeights() {
    return weights.newZeroed();
  }

  public boolean hasBiases() {
    return biases;
  }

  /** The live parameters. */
  public Weights weights() {
    return weights;
  }

  /** Clean pass: {@code x_0 = input}, {@code z_l = W_l x_{l-1} + b_l}, {@code x_l = φ(z_l)}; logits in {@code z[L]}. */
  public void forward(double[] input, double[][] z, double[][] x) {
    System.arraycopy(input, 0, x[0], 0, sizes[0]);
    for (int l = 1; l <= layers; l++) {
      product(l, x[l - 1], z[l]);
      if (l < layers) {
        activate(z[l], x[l]);
      }
    }
  }

  /**
   * Clean and noisy passes together, layer by layer, each weight read once: {@code ξ_l} from
   * {@code noise} (layer by layer, unit by unit), {@code z_l = W_l x_{l-1} + b_l},
   * {@code z̃_l = W_l x̃_{l-1} + b_l + ξ_l} ({@code z̃_1 = z_1 + ξ_1}). {@code layerSquares[l]}
   * receives Σ k² of layer l's integer draws.
   */
  void forwardPair(double[] input, IntegerNoise noise, long[] layerSquares, double[][] xi,
      double[][] z, double[][] x, double[][] zNoisy, double[][] xNoisy) {
    System.arraycopy(input, 0, x[0], 0, sizes[0]);
    System.arraycopy(input, 0, xNoisy[0], 0, sizes[0]);
    for (int l = 1; l <= layers; l++) {
      layerSquares[l] = noise.fill(xi[l]);
      if (l == 1) {
        product(1, x[0], z[1]);
        sum(z[1], xi[1], zNoisy[1]);
      } else {
        productPair(l, x[l - 1], xNoisy[l - 1], z[l], zNoisy[l]);
        Weights.axpy(zNoisy[l], 1.0, xi[l]);
      }
      if (l < layers) {
        activate(z[l], x[l]);
        activate(zNoisy[l], xNoisy[l]);
      }
    }
  }

  /**
   * Noisy pass with noise on layer {@code l} only, the clean pass already in {@code zClean}:
   * {@code z̃_l = z_l + ξ_l}, then {@code z̃_k = W_k x̃_{k-1} + b_k} for the layers above. Layers
   * below {@code l} are not touched (their noisy values equal the clean ones).
   */
  public void forwardFromLayer(int l, double[][] zClean, double[][] xi, double[][] zNoisy, double[][] xNoisy) {
    sum(zClean[l], xi[l], zNoisy[l]);
    if (l < layers) {
      activate(zNoisy[l], xNoisy[l]);
    }
    for (int k = l + 1; k <= layers; k++) {
      product(k, xNoisy[k - 1], zNoisy[k]);
      if (k < layers) {
        activate(zNoisy[k], xNoisy[k]);
      }
    }
  }

  /** Pass with noise on every layer and no clean pass (RMHL acts with it). */
  public void forwardWithNoise(double[] input, double[][] xi, double[][] z, double[][] x) {
    System.arraycopy(input, 0, x[0], 0, sizes[0]);
    for (int l = 1; l <= layers; l++) {
      product(l, x[l - 1], z[l]);
      Weights.axpy(z[l], 1.0, xi[l]);
      if (l < layers) {
        activate(z[l], x[l]);
      }
    }
  }

  /**
   * {@code out = W_lᵀ in}: the backward product through layer {@code l} (biases play no part). A
   * fan-out layer with a transposed copy ({@link Weights#keepTransposedCopy()}) is summed as vector
   * updates in exactly {@link #dot}'s order (four partial sums over i mod 4, the tail in the first),
   * so the result is bit-identical to the scalar dot products it replaces.
   */
  void transposedProduct(int l, double[] in, double[] out) {
    double[][] w = weights.vectors[l];
    if (weights.storedByInput(l)) {
      double[][] rows = weights.transposedCopy(l);
      if (rows != null) {
        transposedProductByRows(rows, in, out);
        return;
      }
      for (int j = 0; j < out.length; j++) {
        out[j] = dot(w[j], in);
      }
    } else {
      java.util.Arrays.fill(out, 0.0);
      for (int i = 0; i < w.length; i++) {
        Weights.axpy(out, in[i], w[i]);
      }
    }
  }

  /** {@code out[j] = Σ_i in[i]·rows[i][j]}, partial sums as in {@link #dot}, each a vector loop over j. */
  private void transposedProductByRows(double[][] rows, double[] in, double[] out) {
    int n = out.length;
    double[] s0 = partialSums[0];
    double[] s1 = partialSums[1];
    double[] s2 = partialSums[2];
    double[] s3 = partialSums[3];
    java.util.Arrays.fill(s0, 0, n, 0.0);
    java.util.Arrays.fill(s1, 0, n, 0.0);
    java.util.Arrays.fill(s2, 0, n, 0.0);
    java.util.Arrays.fill(s3, 0, n, 0.0);
    int m = rows.length;
    int blocksEnd = m - m % 4;
    for (int i = 0; i < m; i++) {
      double[] s = i < blocksEnd ? partialSums[i & 3] : s0;
      double a = in[i];
      double[] row = rows[i];
      for (int j = 0; j < n; j++) {
        s[j] += row[j] * a;
      }
    }
    for (int j = 0; j < n; j++) {
      out[j] = (s0[j] + s1[j]) + (s2[j] + s3[j]);
    }
  }

  /** {@code out = W_l in + b_l}. */
  private void product(int l, double[] in, double[] out) {
    double[][] w = weights.vectors[l];
    double[] b = weights.bias[l];
    if (weights.storedByInput(l)) {
      System.arraycopy(b, 0, out, 0, out.length);
      for (int j = 0; j < w.length; j++) {
        Weights.axpy(out, in[j], w[j]);
      }
    } else {
      for (int i = 0; i < w.length; i++) {
        out[i] = b[i] + dot(w[i], in);
      }
    }
  }

  /** {@code out = W_l in + b_l} and {@code outNoisy = W_l inNoisy + b_l}, each weight loaded once. */
  private void productPair(int l, double[] in, double[] inNoisy, double[] out, double[] outNoisy) {
    double[][] w = weights.vectors[l];
    double[] b = weights.bias[l];
    if (weights.storedByInput(l)) {
      System.arraycopy(b, 0, out, 0, out.length);
      System.arraycopy(b, 0, outNoisy, 0, outNoisy.length);
      for (int j = 0; j < w.length; j++) {
        double clean = in[j];
        double noisy = inNoisy[j];
        double[] column = w[j];
        for (int i = 0; i < out.length; i++) {
          double wij = column[i];
          out[i] += clean * wij;
          outNoisy[i] += noisy * wij;
        }
      }
    } else {
      for (int i = 0; i < w.length; i++) {
        dotPair(w[i], in, inNoisy);
        out[i] = b[i] + pairClean;
        outNoisy[i] = b[i] + pairNoisy;
      }
    }
  }

  /**
   * {@code Σ_j w[j]·x[j]} into {@link #pairClean} and {@code Σ_j w[j]·x̃[j]} into
   * {@link #pairNoisy}, each weight loaded once, two partial sums each.
   */
  private void dotPair(double[] w, double[] x, double[] xNoisy) {
    double s0 = 0, s1 = 0, n0 = 0, n1 = 0;
    int m = w.length;
    int j = 0;
    for (; j + 1 < m; j += 2) {
      double w0 = w[j];
      double w1 = w[j + 1];
      s0 += w0 * x[j];
      s1 += w1 * x[j + 1];
      n0 += w0 * xNoisy[j];
      n1 += w1 * xNoisy[j + 1];
    }
    if (j < m) {
      s0 += w[j] * x[j];
      n0 += w[j] * xNoisy[j];
    }
    pairClean = s0 + s1;
    pairNoisy = n0 + n1;
  }

  /** {@code Σ_j a[j]·b[j]} over {@code a.length} terms, in four independent partial sums. */
  private static double dot(double[] a, double[] b) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int m = a.length;
    int j = 0;
    for (; j + 3 < m; j += 4) {
      s0 += a[j] * b[j];
      s1 += a[j + 1] * b[j + 1];
      s2 += a[j + 2] * b[j + 2];
      s3 += a[j + 3] * b[j + 3];
    }
    for (; j < m; j++) {
      s0 += a[j] * b[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** {@code out = a + b}. */
  private static void sum(double[] a, double[] b, double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = a[i] + b[i];
    }
  }

  private void activate(double[] z, double[] x) {
    if (activation == Activation.LEAKY_RELU && leakSlope <= 1.0) {
      double a = leakSlope;
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.max(z[i], a * z[i]); // = z for z > 0, a·z below, when 0 ≤ a ≤ 1
      }
    } else if (activation == Activation.LEAKY_RELU) {
      double a = leakSlope;
      for (int i = 0; i < x.length; i++) {
        double v = z[i];
        x[i] = v > 0 ? v : a * v;
      }
    } else {
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.tanh(z[i]);
      }
    }
  }

  /** {@code u *= φ'(z)} for a hidden layer, φ' in terms of the pre-activation {@code z} and activation {@code x}. */
  void multiplyByDerivative(double[] u, double[] z, double[] x) {
    if (activation == Activation.LEAKY_RELU) {
      double a = leakSlope;
      for (int j = 0; j < u.length; j++) {
        u[j] *= z[j] > 0 ? 1.0 : a;
      }
    } else {
      for (int j = 0; j < u.length; j++) {
        u[j] *= 1.0 - x[j] * x[j];
      }
    }
  }

  /** True when every weight and bias is finite. */
  public boolean weightsFinite() {
    return weights.allFinite();
  }
}
