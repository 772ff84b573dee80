package io.nrledge.learner;

/**
 * Parameters shaped like a {@link Network}'s: per layer {@code l} a weight matrix {@code W_l}
 * ({@code n_l × n_{l−1}}) and a bias vector {@code b_l}. The network's weights, the eligibility
 * trace and test gradients are all {@code Weights}.
 *
 * <p>Storage: each matrix is kept as separate vectors along its longer side, so every product and
 * rank-1 update is a loop over two arrays indexed alike, the form the JIT turns into SIMD code (it
 * does not when the two arrays are read at different offsets of a flat array):
 *
 * <ul>
 *   <li>fan-out layers ({@code n_l ≥ n_{l−1}}): {@code vectors[l][j][i] = W_l[i][j]}, one vector per
 *       input unit;
 *   <li>fan-in layers ({@code n_l < n_{l−1}}, e.g. the output layer): {@code vectors[l][i][j] =
 *       W_l[i][j]}, one vector per output unit.
 * </ul>
 *
 * <p>A backward pass ({@code W_lᵀ u}) along a fan-out layer would be a dot product per input unit,
 * which the JIT leaves scalar. {@link #keepTransposedCopy()} (backprop asks for it) keeps a second
 * copy of every fan-out layer l ≥ 2, one vector per output unit, exactly equal to the weights at all
 * times: rank-1 updates are applied to both, any other change marks the copy stale and the next
 * {@link #transposedCopy(int)} rebuilds it.
 *
 * <p>{@link #get(int)} and {@link #set(int, double)} address a canonical flat order (layer by
 * layer, row-major, the bias as the last column when biases are on) for tests and checkpoints.
 * Constructors and the canonical accessors are not real-time safe; everything else is.
 */
public final class Weights {
  private final int[] sizes;
  private final int layers;
  private final boolean biases;
  /** True when layer l is stored one vector per input unit. */
  private final boolean[] byInput;
  /** {@code vectors[l][lane][k]}, see the class comment. */
  final double[][][] vectors;
  /** {@code bias[l][i]}; all zero and never updated when biases are off. */
  final double[][] bias;
  /** Canonical flat index where layer l starts. */
  private final int[] canonicalOffset;
  /** Layer factors of 1, for {@link #addOuter(double, double[][], double[][])}. */
  private final double[] unitLayerScale;
  /** {@code transposed[l][i][j] = W_l[i][j]} for fan-out layers l ≥ 2 once asked for, else null. */
  private double[][][] transposed;
  /** Scaled presynaptic activity of a rank-1 update, reused to apply it to the transposed copy. */
  private double[] scaledPre;
  private boolean transposedStale;

  /** All zero. Not real-time safe. */
  Weights(int[] sizes, boolean biases) {
    this.sizes = sizes.clone();
    this.layers = sizes.length - 1;
    this.biases = biases;
    this.byInput = new boolean[layers + 1];
    this.vectors = new double[layers + 1][][];
    this.bias = new double[layers + 1][];
    this.canonicalOffset = new int[layers + 2];
    this.unitLayerScale = new double[layers + 1];
    java.util.Arrays.fill(unitLayerScale, 1.0);
    for (int l = 1; l <= layers; l++) {
      byInput[l] = sizes[l] >= sizes[l - 1];
      vectors[l] = byInput[l] ? new double[sizes[l - 1]][sizes[l]] : new double[sizes[l]][sizes[l - 1]];
      bias[l] = new double[sizes[l]];
      canonicalOffset[l + 1] = canonicalOffset[l] + sizes[l] * columns(l);
    }
  }

  /** Zeroed parameters of the same shape. Not real-time safe. */
  Weights newZeroed() {
    return new Weights(sizes, biases);
  }

  boolean storedByInput(int l) {
    return byInput[l];
  }

  /**
   * From now on keeps the transposed copy of every fan-out layer l ≥ 2 (see the class comment).
   * Not real-time safe.
   */
  void keepTransposedCopy() {
    transposed = new double[layers + 1][][];
    int widest = 0;
    for (int l = 2; l <= layers; l++) {
      if (byInput[l]) {
        transposed[l] = new double[sizes[l]][sizes[l - 1]];
        widest = Math.max(widest, sizes[l - 1]);
      }
    }
    scaledPre = new double[widest];
    refreshTransposed();
  }

  /**
   * Layer l's weights one vector per output unit ({@code [i][j] = W_l[i][j]}), rebuilt first if a
   * change made it stale; null when layer l has no transposed copy.
   */
  double[][] transposedCopy(int l) {
    if (transposed == null || transposed[l] == null) {
      return null;
    }
    if (transposedStale) {
      refreshTransposed();
    }
    return transposed[l];
  }

  private void refreshTransposed() {
    for (int l = 2; l <= layers; l++) {
      double[][] t = transposed[l];
      if (t != null) {
        double[][] w = vectors[l];
        for (int j = 0; j < w.length; j++) {
          double[] column = w[j];
          for (int i = 0; i < column.length; i++) {
            t[i][j] = column[i];
          }
        }
      }
    }
    transposedStale = false;
  }

  /** {@code W_l[i][j]}. */
  public double weight(int l, int i, int j) {
    return byInput[l] ? vectors[l][j][i] : vectors[l][i][j];
  }

  void setWeight(int l, int i, int j, double value) {
    transposedStale = true;
    if (byInput[l]) {
      vectors[l][j][i] = value;
    } else {
      vectors[l][i][j] = value;
    }
  }

  /** Parameters in the canonical order: every weight, plus every bias when biases are on. */
  public int count() {
    return canonicalOffset[layers + 1];
  }

  /** Parameters of layer l (its weights, plus its biases when on). */
  public int count(int l) {
    return canonicalOffset[l + 1] - canonicalOffset[l];
  }

  /** Canonical index where layer l starts. */
  public int offset(int l) {
    return canonicalOffset[l];
  }

  /** The parameter at canonical index {@code k}. */
  public double get(int k) {
    int l = layerOf(k);
    int r = k - canonicalOffset[l];
    int i = r / columns(l);
    int j = r % columns(l);
    return j == sizes[l - 1] ? bias[l][i] : weight(l, i, j);
  }

  /** Sets the parameter at canonical index {@code k}. */
  public void set(int k, double value) {
    int l = layerOf(k);
    int r = k - canonicalOffset[l];
    int i = r / columns(l);
    int j = r % columns(l);
    transposedStale = true;
    if (j == sizes[l - 1]) {
      bias[l][i] = value;
    } else {
      setWeight(l, i, j, value);
    }
  }

  /** A copy in the canonical order. Not real-time safe. */
  public double[] toArray() {
    double[] out = new double[count()];
    for (int k = 0; k < out.length; k++) {
      out[k] = get(k);
    }
    return out;
  }

  /** {@code W_l += scale · u_l v_{l−1}ᵀ} and {@code b_l += scale · u_l} (biases on) for every layer. */
  void addOuter(double scale, double[][] u, double[][] v) {
    addOuter(scale, u, v, unitLayerScale);
  }

  /**
   * {@code W_l += scale · c_l · u_l v_{l−1}ᵀ} and {@code b_l += scale · c_l · u_l} (biases on) for
   * every layer, {@code c_l = layerScale[l]}; {@code u} and {@code v} are per-layer unit vectors.
   */
  void addOuter(double scale, double[][] u, double[][] v, double[] layerScale) {
    for (int l = 1; l <= layers; l++) {
      double k = scale * layerScale[l];
      double[][] w = vectors[l];
      double[] post = u[l];
      double[] pre = v[l - 1];
      if (byInput[l]) {
        for (int j = 0; j < w.length; j++) {
          axpy(w[j], k * pre[j], post);
        }
        if (transposed != null && transposed[l] != null && !transposedStale) {
          addOuterTransposed(transposed[l], k, post, pre);
        }
      } else {
        for (int i = 0; i < w.length; i++) {
          axpy(w[i], k * post[i], pre);
        }
      }
      if (biases) {
        axpy(bias[l], k, post);
      }
    }
  }

  /**
   * The fan-out update {@code w[j][i] += (k·pre[j])·post[i]} on the transposed copy, with the same
   * roundings ({@code t[i][j] += post[i]·(k·pre[j])}: a product does not depend on its order).
   */
  private void addOuterTransposed(double[][] t, double k, double[] post, double[] pre) {
    int inputs = t[0].length;
    for (int j = 0; j < inputs; j++) {
      scaledPre[j] = k * pre[j];
    }
    for (int i = 0; i < t.length; i++) {
      double[] row = t[i];
      double a = post[i];
      for (int j = 0; j < inputs; j++) {
        row[j] += a * scaledPre[j];
      }
    }
  }

  /** {@code this_l += scale · c_l · other_l} for every layer. */
  void addScaled(double scale, Weights other, double[] layerScale) {
    transposedStale = true;
    for (int l = 1; l <= layers; l++) {
      double k = scale * layerScale[l];
      double[][] w = vectors[l];
      double[][] o = other.vectors[l];
      for (int lane = 0; lane < w.length; lane++) {
        axpy(w[lane], k, o[lane]);
      }
      if (biases) {
        axpy(bias[l], k, other.bias[l]);
      }
    }
  }

  /** ε of {@link #addNormalised}: keeps a synapse whose updates have all been 0 from dividing by 0. */
  static final double RMS_EPSILON = 1e-8;

  /**
   * The per-synapse normalised step: for every parameter, with g its entry in {@code step},
   * m ← ρm + (1 − ρ)g² in {@code meanSquare} (same shape, m starts at 0), then this += η·g/(√m + ε).
   */
  void addNormalised(double eta, Weights step, Weights meanSquare, double rho) {
    transposedStale = true;
    for (int l = 1; l <= layers; l++) {
      double[][] w = vectors[l];
      double[][] g = step.vectors[l];
      double[][] m = meanSquare.vectors[l];
      for (int lane = 0; lane < w.length; lane++) {
        normalised(w[lane], g[lane], m[lane], eta, rho);
      }
      if (biases) {
        normalised(bias[l], step.bias[l], meanSquare.bias[l], eta, rho);
      }
    }
  }

  private static void normalised(double[] w, double[] g, double[] m, double eta, double rho) {
    for (int k = 0; k < w.length; k++) {
      double gk = g[k];
      double mk = rho * m[k] + (1 - rho) * gk * gk;
      m[k] = mk;
      w[k] += eta * gk / (Math.sqrt(mk) + RMS_EPSILON);
    }
  }

  /** Multiplies every parameter by {@code gamma}. */
  void scale(double gamma) {
    transposedStale = true;
    for (int l = 1; l <= layers; l++) {
      for (double[] lane : vectors[l]) {
        for (int k = 0; k < lane.length; k++) {
          lane[k] *= gamma;
        }
      }
      double[] b = bias[l];
      for (int k = 0; k < b.length; k++) {
        b[k] *= gamma;
      }
    }
  }

  void clear() {
    transposedStale = true;
    for (int l = 1; l <= layers; l++) {
      for (double[] lane : vectors[l]) {
        java.util.Arrays.fill(lane, 0.0);
      }
      java.util.Arrays.fill(bias[l], 0.0);
    }
  }

  /** True when every parameter is finite. */
  public boolean allFinite() {
    double sum = 0;
    for (int l = 1; l <= layers; l++) {
      for (double[] lane : vectors[l]) {
        for (double w : lane) {
          sum += w * 0.0; // NaN for a NaN or infinite weight, 0 otherwise
        }
      }
      for (double b : bias[l]) {
        sum += b * 0.0;
      }
    }
    return sum == 0.0;
  }

  /** {@code y += a · x} over {@code y.length} entries ({@code x} at least as long). */
  static void axpy(double[] y, double a, double[] x) {
    for (int k = 0; k < y.length; k++) {
      y[k] += a * x[k];
    }
  }

  private int columns(int l) {
    return sizes[l - 1] + (biases ? 1 : 0);
  }

  private int layerOf(int k) {
    if (k < 0 || k >= count()) {
      throw new IndexOutOfBoundsException("parameter " + k + " of " + count());
    }
    int l = 1;
    while (k >= canonicalOffset[l + 1]) {
      l++;
    }
    return l;
  }

  /** Bytes of {@link #saveState}: every stored weight and bias as a double. */
  int stateBytes() {
    int n = 0;
    for (int l = 1; l <= layers; l++) {
      for (double[] lane : vectors[l]) {
        n += lane.length;
      }
      n += bias[l].length;
    }
    return 8 * n;
  }

  /** Every weight (storage order) and bias of every layer. Real-time safe. */
  void saveState(java.nio.ByteBuffer out) {
    for (int l = 1; l <= layers; l++) {
      for (double[] lane : vectors[l]) {
        for (double w : lane) {
          out.putDouble(w);
        }
      }
      for (double b : bias[l]) {
        out.putDouble(b);
      }
    }
  }

  /** Reads what {@link #saveState} wrote; the transposed copy is rebuilt when next asked for. */
  void loadState(java.nio.ByteBuffer in) {
    transposedStale = true;
    for (int l = 1; l <= layers; l++) {
      for (double[] lane : vectors[l]) {
        for (int k = 0; k < lane.length; k++) {
          lane[k] = in.getDouble();
        }
      }
      double[] b = bias[l];
      for (int k = 0; k < b.length; k++) {
        b[k] = in.getDouble();
      }
    }
  }
}
