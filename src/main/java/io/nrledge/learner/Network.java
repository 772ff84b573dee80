package io.nrledge.learner;

/**
 * A dense feed-forward policy network {@code [n0, H1, …, Hk, nA]} on flat arrays.
 *
 * <p>Layout: layer {@code l} (1..L) has an {@code n_l × cols_l} row-major weight block at
 * {@link #weightOffset(int)} in {@link #weights()}, with {@code cols_l = n_{l-1}} (+1 when
 * biases are on: the last column multiplies a constant 1). Unit vectors (activations,
 * pre-activations, noise) are flat arrays of {@link #unitCount()} entries with layer {@code l} at
 * {@link #unitOffset(int)}; layer 0 holds the input. Hidden layers apply the activation; the
 * output layer's pre-activations are the policy's logits.
 *
 * <p>The constructor allocates; every other method is real-time safe.
 */
public final class Network {
  private final int[] sizes;
  private final int layers;
  private final int[] unitOffset;
  private final int[] weightOffset;
  private final int[] cols;
  private final double[] weights;
  private final boolean biases;
  private final Activation activation;
  private final double leakSlope;
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
    this.unitOffset = new int[sizes.length + 1];
    for (int l = 0; l < sizes.length; l++) {
      unitOffset[l + 1] = unitOffset[l] + sizes[l];
    }
    this.cols = new int[sizes.length];
    this.weightOffset = new int[sizes.length + 1];
    for (int l = 1; l <= layers; l++) {
      cols[l] = sizes[l - 1] + (biases ? 1 : 0);
      weightOffset[l + 1] = weightOffset[l] + sizes[l] * cols[l];
    }
    weightOffset[1] = 0;
    for (int l = 1; l <= layers; l++) {
      weightOffset[l + 1] = weightOffset[l] + sizes[l] * cols[l];
    }
    this.weights = new double[weightOffset[layers + 1]];
    Xoshiro256StarStar rng = new Xoshiro256StarStar(weightSeed);
    for (int l = 1; l <= layers; l++) {
      double std = Math.sqrt(2.0 / (sizes[l - 1] + sizes[l]));
      for (int i = 0; i < sizes[l]; i++) {
        int row = weightOffset[l] + i * cols[l];
        for (int j = 0; j < sizes[l - 1]; j++) {
          weights[row + j] = std * rng.nextGaussianDouble();
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

  /** Entries of a unit vector: inputs plus every hidden and output unit. */
  public int unitCount() {
    return unitOffset[layers + 1];
  }

  /** Hidden and output units, the ones that receive noise. */
  public int noisyUnitCount() {
    return unitOffset[layers + 1] - sizes[0];
  }

  public int unitOffset(int l) {
    return unitOffset[l];
  }

  public int weightOffset(int l) {
    return weightOffset[l];
  }

  /** Columns of layer {@code l}'s weight block (inputs, plus 1 with biases). */
  public int columns(int l) {
    return cols[l];
  }

  public int weightCount() {
    return weights.length;
  }

  public boolean hasBiases() {
    return biases;
  }

  public Activation activation() {
    return activation;
  }

  public double leakSlope() {
    return leakSlope;
  }

  /** The live weights (layout in the class comment). */
  public double[] weights() {
    return weights;
  }

  /** Clean pass: {@code x_0 = input}, {@code z_l = W_l x_{l-1}}, {@code x_l = φ(z_l)}; logits in {@code z} at layer L. */
  public void forward(double[] input, double[] z, double[] x) {
    System.arraycopy(input, 0, x, 0, sizes[0]);
    for (int l = 1; l <= layers; l++) {
      affine(l, x, z);
      if (l < layers) {
        activate(l, z, x);
      }
    }
  }

  /**
   * Clean and noisy passes together, layer by layer, drawing each unit's noise as its row is
   * computed (so the generator's latency overlaps the products): {@code ξ_l} from {@code noise},
   * {@code z_l = W_l x_{l-1}}, {@code z̃_l = W_l x̃_{l-1} + ξ_l} ({@code z̃_1 = z_1 + ξ_1}). The same
   * result and noise sequence as filling ξ layer by layer, then a clean and a noisy pass, with
   * each weight read once. {@code layerSquares[l]} receives Σ k² of
   * layer l's integer draws.
   */
  void forwardPair(double[] input, IntegerNoise noise, long[] layerSquares, double[] xi,
      double[] z, double[] x, double[] zNoisy, double[] xNoisy) {
    System.arraycopy(input, 0, x, 0, sizes[0]);
    System.arraycopy(input, 0, xNoisy, 0, sizes[0]);
    final double scale = noise.scale();
    for (int l = 1; l <= layers; l++) {
      final int n = sizes[l];
      final int m = sizes[l - 1];
      final int c = cols[l];
      final int in = unitOffset[l - 1];
      final int out = unitOffset[l];
      long squares = 0;
      int row = weightOffset[l];
      for (int i = 0; i < n; i++, row += c) {
        int k = noise.nextInt();
        squares += k * k;
        double xiI = scale * k;
        xi[out + i] = xiI;
        double b = biases ? weights[row + m] : 0.0;
        if (l == 1) {
          z[out + i] = b + dot(weights, row, x, in, m);
          zNoisy[out + i] = z[out + i] + xiI;
        } else {
          dotPair(weights, row, x, xNoisy, in, m);
          z[out + i] = b + pairClean;
          zNoisy[out + i] = b + pairNoisy + xiI;
        }
      }
      layerSquares[l] = squares;
      if (l < layers) {
        activate(l, z, x);
        activate(l, zNoisy, xNoisy);
      }
    }
  }

  /**
   * Noisy pass with noise on layer {@code l} only, the clean pass already in {@code zClean}/{@code
   * xClean}: {@code z̃_l = z_l + ξ_l}, then {@code z̃_k = W_k x̃_{k-1}} for the layers above. Layers
   * below {@code l} are not touched (their noisy values equal the clean ones).
   */
  public void forwardFromLayer(int l, double[] zClean, double[] xi, double[] zNoisy, double[] xNoisy) {
    int o = unitOffset[l];
    for (int i = o; i < o + sizes[l]; i++) {
      zNoisy[i] = zClean[i] + xi[i];
    }
    if (l < layers) {
      activate(l, zNoisy, xNoisy);
    }
    for (int k = l + 1; k <= layers; k++) {
      affine(k, xNoisy, zNoisy);
      if (k < layers) {
        activate(k, zNoisy, xNoisy);
      }
    }
  }

  /** Pass with noise on every layer and no clean pass (RMHL acts with it). */
  public void forwardWithNoise(double[] input, double[] xi, double[] z, double[] x) {
    System.arraycopy(input, 0, x, 0, sizes[0]);
    for (int l = 1; l <= layers; l++) {
      affine(l, x, z);
      int o = unitOffset[l];
      for (int i = 0; i < sizes[l]; i++) {
        z[o + i] += xi[o + i];
      }
      if (l < layers) {
        activate(l, z, x);
      }
    }
  }

  /** {@code z_l = W_l x_{l-1}} (+ bias). */
  void affine(int l, double[] x, double[] z) {
    final int n = sizes[l];
    final int m = sizes[l - 1];
    final int c = cols[l];
    final int in = unitOffset[l - 1];
    final int out = unitOffset[l];
    int row = weightOffset[l];
    for (int i = 0; i < n; i++, row += c) {
      z[out + i] = (biases ? weights[row + m] : 0.0) + dot(weights, row, x, in, m);
    }
  }

  /**
   * {@code Σ_j w[row+j]·x[in+j]} into {@link #pairClean} and {@code Σ_j w[row+j]·x̃[in+j]} into
   * {@link #pairNoisy}, each weight loaded once, two partial sums each.
   */
  private void dotPair(double[] w, int row, double[] x, double[] xNoisy, int in, int m) {
    double s0 = 0, s1 = 0, n0 = 0, n1 = 0;
    int j = 0;
    for (; j + 1 < m; j += 2) {
      double w0 = w[row + j];
      double w1 = w[row + j + 1];
      s0 += w0 * x[in + j];
      s1 += w1 * x[in + j + 1];
      n0 += w0 * xNoisy[in + j];
      n1 += w1 * xNoisy[in + j + 1];
    }
    if (j < m) {
      s0 += w[row + j] * x[in + j];
      n0 += w[row + j] * xNoisy[in + j];
    }
    pairClean = s0 + s1;
    pairNoisy = n0 + n1;
  }

  /** {@code Σ_j a[ai+j]·b[bi+j]} over {@code m} terms, in four independent partial sums. */
  private static double dot(double[] a, int ai, double[] b, int bi, int m) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int j = 0;
    for (; j + 3 < m; j += 4) {
      s0 += a[ai + j] * b[bi + j];
      s1 += a[ai + j + 1] * b[bi + j + 1];
      s2 += a[ai + j + 2] * b[bi + j + 2];
      s3 += a[ai + j + 3] * b[bi + j + 3];
    }
    for (; j < m; j++) {
      s0 += a[ai + j] * b[bi + j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private void activate(int l, double[] z, double[] x) {
    int o = unitOffset[l];
    int end = o + sizes[l];
    if (activation == Activation.LEAKY_RELU && leakSlope <= 1.0) {
      double a = leakSlope;
      for (int i = o; i < end; i++) {
        x[i] = Math.max(z[i], a * z[i]); // = z for z > 0, a·z below, when 0 ≤ a ≤ 1
      }
    } else if (activation == Activation.LEAKY_RELU) {
      double a = leakSlope;
      for (int i = o; i < end; i++) {
        double v = z[i];
        x[i] = v > 0 ? v : a * v;
      }
    } else {
      for (int i = o; i < end; i++) {
        x[i] = Math.tanh(z[i]);
      }
    }
  }

  /** φ'(z) for a hidden unit, in terms of its pre-activation {@code z} and activation {@code x}. */
  double derivative(double z, double x) {
    return activation == Activation.LEAKY_RELU ? (z > 0 ? 1.0 : leakSlope) : 1.0 - x * x;
  }

  /** True when every weight is finite. */
  public boolean weightsFinite() {
    for (double w : weights) {
      if (!Double.isFinite(w)) {
        return false;
      }
    }
    return true;
  }
}
