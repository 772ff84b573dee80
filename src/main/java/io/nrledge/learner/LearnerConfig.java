package io.nrledge.learner;

import java.util.Arrays;

/**
 * Everything that defines a learner, validated once by {@link #validate()} before anything is
 * allocated. Immutable; build with {@link #builder(int...)}.
 *
 * @param layerSizes [n0, H1, …, Hk, nA]: inputs, hidden widths, actions
 * @param hiddenActivation nonlinearity of hidden layers
 * @param leakSlope slope of leaky ReLU for negative inputs
 * @param biases whether each layer has a bias (the reference has none)
 * @param rule the learning rule
 * @param form how rewards reach the weights
 * @param learningRate η
 * @param sigma noise standard deviation σ on every hidden and output pre-activation
 * @param noiseKind integer noise transform
 * @param noiseProbe NRL only: the paper's joint probe, or probes per layer (independent or partitioned)
 * @param probesPerLayer NRL with {@link NoiseProbe#PER_LAYER}: noisy passes per layer and step,
 *     averaged (variance falls as 1/K, cost grows as K); with {@link NoiseProbe#PARTITIONED} the
 *     most passes per layer (a layer of n_l ≤ K units takes n_l, and is then exact)
 * @param baselineRate λ of the running-average reward prediction r̄ ← r̄ + λ(R − r̄)
 * @param traceDecay γe of the eligibility traces (1 in the episodic form)
 * @param fanOut if true each layer's update is scaled by its unit count n_l (reference code)
 * @param returnNormFloor episodic δ = (R − r̄) / max(norm, floor); 0 disables the division
 * @param rpeNorm the norm of that division: |R| (reference) or max(|R|, |r̄|)
 * @param implicitNoiseRate running-average rate of z̄ for {@link Rule#RMHL_IMPLICIT}
 * @param rewardHistorySteps continuing form: how many steps back a late reward is credited exactly
 * @param weightSeed seed of the Xavier-normal initial weights
 * @param noiseSeed seed of the neuron noise
 * @param actionSeed seed of action sampling
 * @param exploration ε of the exploration floor: actions come from (1 − ε)·softmax + ε/A, and the
 *     rules credit that mixture (see {@link AbstractLearner}); 0 (the default) is the plain softmax
 * @param explorationHold ticks an action picked by the floor's uniform branch is held (the acting
 *     policy commits to it); 1 (the default) is the single-tick floor; no effect without a floor
 * @param criticRate continuing form: β of a TD(0) critic whose error replaces {@code r − r̄} as the
 *     broadcast reward-prediction error (see {@link Critic}); 0 (the default) keeps the baseline
 * @param criticDiscount γ of the critic's δ = R + γ·V(s′) − V(s), in [0, 1)
 * @param weightDecay λ: a step multiplies every weight by 1 − λ, so a policy that stops meeting
 *     rewards drifts back toward uniform and explores again; 0 (the default) is none
 * @param weightDecayAfter the decay applies only once this many steps have passed without a
 *     nonzero reward (0, the default: every step), so it frees a policy that meets nothing and
 *     leaves one that is being rewarded alone
 * @param rmsStep immediate form: ρ of the per-synapse normalised step (0, the default: the plain
 *     step). Each synapse keeps the running mean square m of its own updates g, m ← ρm + (1 − ρ)g²,
 *     and moves by η·g/(√m + ε): a step of about η wherever its updates are consistent, whatever
 *     their scale. Local: the state is the synapse's own.
 */
public record LearnerConfig(
    int[] layerSizes,
    Activation hiddenActivation,
    double leakSlope,
    boolean biases,
    Rule rule,
    CreditForm form,
    double learningRate,
    double sigma,
    NoiseKind noiseKind,
    NoiseProbe noiseProbe,
    int probesPerLayer,
    double baselineRate,
    double traceDecay,
    boolean fanOut,
    double returnNormFloor,
    RpeNorm rpeNorm,
    double implicitNoiseRate,
    int rewardHistorySteps,
    long weightSeed,
    long noiseSeed,
    long actionSeed,
    double exploration,
    int explorationHold,
    double criticRate,
    double criticDiscount,
    double weightDecay,
    int weightDecayAfter,
    double rmsStep) {

  /** Widest layer accepted. */
  public static final int MAX_LAYER_WIDTH = 65_536;
  /** Most hidden layers accepted. */
  public static final int MAX_HIDDEN_LAYERS = 16;
  /**
   * Most weights and biases accepted, so a network fits a small board's heap: at most
   * {@link #BYTES_PER_PARAMETER} bytes each, about 92 MB for the largest network.
   */
  public static final long MAX_PARAMETERS = 4_000_000;
  /** Longest exploration hold accepted, in ticks (20 minutes at 50 ms). */
  public static final int MAX_EXPLORATION_HOLD = 24_000;
  /**
   * Heap bytes per parameter, rounded up: weights and traces measured 16.3–16.9 bytes for NRL,
   * RMHL and BP, episodic and continuing, on a 4-1000-1000-1000-2 net.
   */
  public static final int BYTES_PER_PARAMETER = 24;
  /**
   * Largest η accepted: NRL and BP use 1e-3 to 1e-1, RMHL up to 1e4 (its update is scaled by the
   * noise, σ = 1e-3); 1e6 leaves two decades of room above that and refuses absurd values.
   */
  public static final double MAX_LEARNING_RATE = 1e6;
  /** Largest σ accepted: the paper's σ is 1e-3; beyond 10 the noise swamps every pre-activation. */
  public static final double MAX_SIGMA = 10;
  /** Most noise probes per layer and step ({@link NoiseProbe#PER_LAYER}). */
  public static final int MAX_PROBES_PER_LAYER = 1024;
  /** Longest reward history of the continuing form. */
  public static final int MAX_REWARD_HISTORY_STEPS = 4096;

  public LearnerConfig {
    layerSizes = layerSizes.clone();
  }

  /**
   * The most probes per layer that change anything: partitioned probes beyond the widest noisy layer
   * add no pass (a layer takes at most its width); independent ones go on reducing the variance.
   */
  public int mostUsefulProbesPerLayer() {
    return noiseProbe == NoiseProbe.PARTITIONED
        ? Math.min(Network.widestNoisyLayer(layerSizes), MAX_PROBES_PER_LAYER) : MAX_PROBES_PER_LAYER;
  }

  /** Weights plus biases of a network with these layer sizes, without overflow. */
  public static long parameterCount(int[] layerSizes, boolean biases) {
    long total = 0;
    for (int l = 1; l < layerSizes.length; l++) {
      total += (long) layerSizes[l - 1] * layerSizes[l] + (biases ? layerSizes[l] : 0);
    }
    return total;
  }

  @Override
  public int[] layerSizes() {
    return layerSizes.clone();
  }

  /** "4-64-2". */
  public String shape() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < layerSizes.length; i++) {
      s.append(i == 0 ? "" : "-").append(layerSizes[i]);
    }
    return s.toString();
  }

  /** Returns this config or throws {@link IllegalArgumentException} naming the first bad key. */
  public LearnerConfig validate() {
    if (rule == null || form == null || hiddenActivation == null || noiseKind == null || noiseProbe == null
        || rpeNorm == null) {
      throw bad("rule", "rule, form, activation, noise kind, noise probe and RPE norm must all be set");
    }
    if (layerSizes.length < 2) {
      throw bad("layers", "needs at least inputs and actions, got " + Arrays.toString(layerSizes));
    }
    for (int n : layerSizes) {
      if (n < 1 || n > MAX_LAYER_WIDTH) {
        throw bad("layers", "every layer needs 1.." + MAX_LAYER_WIDTH + " units, got " + Arrays.toString(layerSizes));
      }
    }
    if (layerSizes.length - 2 > MAX_HIDDEN_LAYERS) {
      throw bad("layers", "at most " + MAX_HIDDEN_LAYERS + " hidden layers, got " + (layerSizes.length - 2));
    }
    long parameters = parameterCount(layerSizes, biases);
    if (parameters > MAX_PARAMETERS) {
      throw bad("layers", String.format(java.util.Locale.ROOT,
          "%s has %,d parameters (about %,d MB), over the limit of %,d (about %,d MB)", shape(), parameters,
          parameters * BYTES_PER_PARAMETER >> 20, MAX_PARAMETERS, MAX_PARAMETERS * BYTES_PER_PARAMETER >> 20));
    }
    if (layerSizes[layerSizes.length - 1] < 2) {
      throw bad("layers", "a policy needs at least 2 actions");
    }
    requireFinite("learning-rate", learningRate, 0, false);
    if (learningRate > MAX_LEARNING_RATE) {
      throw bad("learning-rate", "must be in [0, " + MAX_LEARNING_RATE + "], got " + learningRate);
    }
    requireFinite("sigma", sigma, 0, true);
    if (sigma > MAX_SIGMA) {
      throw bad("sigma", "must be in (0, " + MAX_SIGMA + "], got " + sigma);
    }
    requireFinite("leak-slope", leakSlope, 0, false);
    requireRange("baseline-rate", baselineRate, 0, 1);
    requireRange("trace-decay", traceDecay, 0, 1);
    requireFinite("return-norm-floor", returnNormFloor, 0, false);
    requireRange("implicit-noise-rate", implicitNoiseRate, 0, 1);
    if (rewardHistorySteps < 1 || rewardHistorySteps > MAX_REWARD_HISTORY_STEPS) {
      throw bad("reward-history-steps", "must be 1.." + MAX_REWARD_HISTORY_STEPS + ", got " + rewardHistorySteps);
    }
    if (probesPerLayer < 1 || probesPerLayer > MAX_PROBES_PER_LAYER) {
      throw bad("probes-per-layer", "must be 1.." + MAX_PROBES_PER_LAYER + ", got " + probesPerLayer);
    }
    if (probesPerLayer > 1 && noiseProbe == NoiseProbe.JOINT) {
      throw bad("probes-per-layer", "more than one probe needs per-layer probes");
    }
    if (!(exploration >= 0 && exploration < 1)) {
      throw bad("exploration", "must be in [0, 1), got " + exploration);
    }
    if (explorationHold < 1 || explorationHold > MAX_EXPLORATION_HOLD) {
      throw bad("exploration-hold", "must be 1.." + MAX_EXPLORATION_HOLD + " ticks, got " + explorationHold);
    }
    requireRange("critic-rate", criticRate, 0, 1);
    if (!(criticDiscount >= 0 && criticDiscount < 1)) {
      throw bad("critic-discount", "must be in [0, 1), got " + criticDiscount);
    }
    if (criticRate > 0 && form != CreditForm.CONTINUING) {
      throw bad("critic-rate", "a critic needs the continuing form (reward.form: continuing), got " + form);
    }
    if (!(weightDecay >= 0 && weightDecay < 1)) {
      throw bad("weight-decay", "must be in [0, 1), got " + weightDecay);
    }
    if (weightDecayAfter < 0) {
      throw bad("weight-decay-after", "must be 0 (every step) or more steps, got " + weightDecayAfter);
    }
    if (!(rmsStep >= 0 && rmsStep < 1)) {
      throw bad("rms-step", "must be in [0, 1), got " + rmsStep);
    }
    if (rmsStep > 0 && form != CreditForm.IMMEDIATE) {
      throw bad("rms-step", "the normalised step is built for the immediate form (per-step rewards), got " + form);
    }
    if (form == CreditForm.CONTINUING && traceDecay >= 1) {
      throw bad("trace-decay", "the continuing form needs a decaying trace (< 1), got " + traceDecay);
    }
    return this;
  }

  private static void requireFinite(String key, double v, double min, boolean strict) {
    if (!Double.isFinite(v) || v < min || (strict && v == min)) {
      throw bad(key, "must be a finite number " + (strict ? "> " : ">= ") + min + ", got " + v);
    }
  }

  private static void requireRange(String key, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi)) {
      throw bad(key, "must be in [" + lo + ", " + hi + "], got " + v);
    }
  }

  private static IllegalArgumentException bad(String key, String message) {
    return new IllegalArgumentException(key + ": " + message);
  }

  public static Builder builder(int... layerSizes) {
    return new Builder(layerSizes);
  }

  public Builder toBuilder() {
    Builder b = new Builder(layerSizes);
    b.hiddenActivation = hiddenActivation;
    b.leakSlope = leakSlope;
    b.biases = biases;
    b.rule = rule;
    b.form = form;
    b.learningRate = learningRate;
    b.sigma = sigma;
    b.noiseKind = noiseKind;
    b.noiseProbe = noiseProbe;
    b.probesPerLayer = probesPerLayer;
    b.baselineRate = baselineRate;
    b.traceDecay = traceDecay;
    b.fanOut = fanOut;
    b.returnNormFloor = returnNormFloor;
    b.rpeNorm = rpeNorm;
    b.implicitNoiseRate = implicitNoiseRate;
    b.rewardHistorySteps = rewardHistorySteps;
    b.weightSeed = weightSeed;
    b.noiseSeed = noiseSeed;
    b.actionSeed = actionSeed;
    b.exploration = exploration;
    b.explorationHold = explorationHold;
    b.criticRate = criticRate;
    b.criticDiscount = criticDiscount;
    b.weightDecay = weightDecay;
    b.weightDecayAfter = weightDecayAfter;
    b.rmsStep = rmsStep;
    return b;
  }

  /** Defaults are the reference code's settings (NRL, episodic, η 1e-2, σ 1e-3, λ 0.66, fan-out on). */
  public static final class Builder {
    private final int[] layerSizes;
    private Activation hiddenActivation = Activation.LEAKY_RELU;
    private double leakSlope = 0.1;
    private boolean biases = false;
    private Rule rule = Rule.NRL;
    private CreditForm form = CreditForm.EPISODIC;
    private double learningRate = 1e-2;
    private double sigma = 1e-3;
    private NoiseKind noiseKind = NoiseKind.GAUSSIAN;
    private NoiseProbe noiseProbe = NoiseProbe.JOINT;
    private int probesPerLayer = 1;
    private double baselineRate = 0.66;
    private double traceDecay = 1.0;
    private boolean fanOut = true;
    private double returnNormFloor = 1.0;
    private RpeNorm rpeNorm = RpeNorm.RETURN;
    private double implicitNoiseRate = 0.05;
    private int rewardHistorySteps = 16;
    private long weightSeed = 1;
    private long noiseSeed = 2;
    private long actionSeed = 3;
    private double exploration = 0.0;
    private int explorationHold = 1;
    private double criticRate = 0.0;
    private double criticDiscount = 0.99;
    private double weightDecay = 0.0;
    private int weightDecayAfter = 0;
    private double rmsStep = 0.0;

    private Builder(int[] layerSizes) {
      this.layerSizes = layerSizes.clone();
    }

    public Builder hiddenActivation(Activation v) { hiddenActivation = v; return this; }
    public Builder leakSlope(double v) { leakSlope = v; return this; }
    public Builder biases(boolean v) { biases = v; return this; }
    public Builder rule(Rule v) { rule = v; return this; }
    public Builder form(CreditForm v) { form = v; return this; }
    public Builder learningRate(double v) { learningRate = v; return this; }
    public Builder sigma(double v) { sigma = v; return this; }
    public Builder noiseKind(NoiseKind v) { noiseKind = v; return this; }
    public Builder noiseProbe(NoiseProbe v) { noiseProbe = v; return this; }
    public Builder probesPerLayer(int v) { probesPerLayer = v; return this; }
    public Builder baselineRate(double v) { baselineRate = v; return this; }
    public Builder traceDecay(double v) { traceDecay = v; return this; }
    public Builder fanOut(boolean v) { fanOut = v; return this; }
    public Builder returnNormFloor(double v) { returnNormFloor = v; return this; }
    public Builder rpeNorm(RpeNorm v) { rpeNorm = v; return this; }
    public Builder implicitNoiseRate(double v) { implicitNoiseRate = v; return this; }
    public Builder rewardHistorySteps(int v) { rewardHistorySteps = v; return this; }
    public Builder weightSeed(long v) { weightSeed = v; return this; }
    public Builder noiseSeed(long v) { noiseSeed = v; return this; }
    public Builder actionSeed(long v) { actionSeed = v; return this; }
    public Builder exploration(double v) { exploration = v; return this; }
    public Builder explorationHold(int v) { explorationHold = v; return this; }
    public Builder criticRate(double v) { criticRate = v; return this; }
    public Builder criticDiscount(double v) { criticDiscount = v; return this; }
    public Builder weightDecay(double v) { weightDecay = v; return this; }
    public Builder weightDecayAfter(int v) { weightDecayAfter = v; return this; }
    public Builder rmsStep(double v) { rmsStep = v; return this; }

    /** Derives the three streams' seeds from one run seed, so runs with different seeds share nothing. */
    public Builder seed(long runSeed) {
      weightSeed = SplitMix64.mix(runSeed * 3 + 1);
      noiseSeed = SplitMix64.mix(runSeed * 3 + 2);
      actionSeed = SplitMix64.mix(runSeed * 3 + 3);
      return this;
    }

    public LearnerConfig build() {
      return new LearnerConfig(layerSizes, hiddenActivation, leakSlope, biases, rule, form,
          learningRate, sigma, noiseKind, noiseProbe, probesPerLayer, baselineRate, traceDecay, fanOut, returnNormFloor,
          rpeNorm, implicitNoiseRate, rewardHistorySteps, weightSeed, noiseSeed, actionSeed, exploration,
          explorationHold, criticRate, criticDiscount, weightDecay, weightDecayAfter, rmsStep).validate();
    }
  }
}
