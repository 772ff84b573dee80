package io.nrledge.learner;

import java.nio.ByteBuffer;

/**
 * What every rule shares: the network, the clean buffers, action sampling, the reward baseline and
 * the credit forms of {@link Learner}. A rule only says how one step's eligibility factors are made
 * ({@link #probe}): after it, {@code E_l += u_l · v_{l−1}ᵀ} is this step's contribution.
 *
 * <p>Updates, with δ the reward-prediction error from {@link RewardBaseline} and c_l the fan-out
 * factor (n_l for NRL with fan-out on, else 1):
 *
 * <pre>
 * EPISODIC    per step  E ← γe·E + u vᵀ;  at episode end  δ = (R − r̄)/max(|R|, floor),  W_l += η c_l δ E_l,  E ← 0
 *             (with {@link RpeNorm#LARGER_OF_RETURN_AND_PREDICTION}: / max(|R|, |r̄|, floor))
 * IMMEDIATE   per reward  δ = r − r̄,  W_l += η c_l δ u_l v_{l−1}ᵀ  (this step's factors, no trace)
 *   with a normalised step  g = c_l δ u_l v_{l−1}ᵀ,  m ← ρm + (1 − ρ)g²,  W_l += η g / (√m + ε)  per synapse
 * CONTINUING  per step  E ← γe·E + u vᵀ;  per reward  δ = r − r̄,  W_l += η c_l δ E_l(as it stood stepsAgo steps back)
 *   with a critic  rewards add up to R;  per step, before E moves on:  δ = R + γ·V(s′) − V(s) (TD(0), {@link Critic}),
 *                  W_l += η c_l δ E_l;  every reward, late ones too, belongs to the transition in progress
 * </pre>
 *
 * <p>Weight decay ({@link LearnerConfig#weightDecay()} λ &gt; 0): a step multiplies every weight
 * by 1 − λ, every step or, with {@link LearnerConfig#weightDecayAfter()} T &gt; 0, only once T steps
 * have passed without a nonzero reward. A policy that has saturated on events-free behaviour (a
 * rover turning in place: no bumps, no beacons, so δ ≈ 0 and nothing else moves the weights) drifts
 * back toward uniform and explores again, while one that keeps meeting rewards is left alone. Local:
 * each synapse shrinks itself; the quiet count is one broadcast scalar.
 *
 * <p>Exploration floor ({@link LearnerConfig#exploration()} ε &gt; 0): the acting policy is the
 * mixture μ = (1 − ε)·π + ε/A of the softmax π and the uniform policy, so every action keeps a
 * probability of at least ε/A and a policy that has saturated on events-free behaviour (a rover
 * turning in place) still meets events, so rewards keep arriving. The rules credit μ, the policy
 * that acted, not π: since ∇_z ln μ(a) = w·∇_z ln π(a) with w = (1 − ε)π(a)/μ(a) ∈ [0, 1), the
 * factor u of a step (and so its share of the trace) is the softmax's scaled by w; NRL gets it
 * exactly from its noisy pass as Δ = ln μ̃(a) − ln μ(a) ({@link Policy#logProbabilityChangeWithFloor}),
 * BP multiplies its output error by w. Local per step (w needs only π and a), and E[u vᵀ] stays
 * the score of the acting policy, so the trace and the late-reward credit are unchanged in form:
 * actions the softmax itself would have chosen (π(a) ≫ ε/A, w ≈ 1) are credited as before, an
 * action taken only by the floor (π(a) ≪ ε/A, w ≈ 0) adds almost nothing to the trace, so the
 * floor changes which events happen, not how one is credited. RMHL's factor (its own noise) does
 * not involve π(a) and is unchanged. {@link #act} samples μ as well; {@link #greedyAction} ignores
 * the floor. ε = 0 takes the plain softmax path, bit for bit.
 *
 * <p>Exploration hold ({@link LearnerConfig#explorationHold()} H &gt; 1, with ε &gt; 0): an action the
 * floor's uniform branch picks is held for H ticks, so a random action lasts long enough to get
 * past the wheels' slew limit. A tick is free or held. On a free tick the acting policy is the
 * mixture μ above, credited exactly as the floor is (the uniform branch is what starts a hold). On
 * the H − 1 held ticks that follow, the acting policy is "the held action with probability 1",
 * whose score ∇ ln 1 is zero: those ticks add nothing to the eligibility trace (it still decays,
 * the step's credit scale is 0) and to an immediate update, so the rule learns only from its own choices
 * and the held stretch only moves the rig into other states. This is the exact score of the
 * composite policy, as local as the floor's (whether a tick is held needs no weights). Hold
 * counter and held action are learner state ({@link #saveState}); a new episode starts free.
 * H = 1 takes the single-tick floor path, bit for bit.
 */
abstract class AbstractLearner implements Learner {
  final LearnerConfig config;
  final Network net;
  final CreditForm form;
  final int actions;
  final int outputLayer;
  final double[][] z;
  final double[][] x;
  final double[] probs;
  /**
   * Postsynaptic factor of the last step is {@code uScale · u}, per layer: the rule points {@code u}
   * at one of its buffers and sets {@code uScale} (a scalar kept apart saves a pass).
   */
  double[][] u;
  double uScale = 1.0;
  /** What the last step credits: {@link #uScale}, or 0 on a held tick of an exploration hold; read by tests. */
  double creditScale = 1.0;
  /** Presynaptic activity of the last step: the rule points it at one of its activation buffers. */
  double[][] v;

  /** ε of the exploration floor; 0 for the plain softmax. */
  private final double exploration;
  /** H of the exploration hold; 1 for the single-tick floor. */
  private final int explorationHold;
  /** Held ticks still to come after the current one. */
  private int holdRemaining;
  /** The held action, −1 before the first hold. */
  private int heldAction = -1;
  /** Whether the last chosen action was a held one (no credit for that step); read by tests. */
  boolean holding;
  private final Xoshiro256StarStar actionStream;
  private final RewardBaseline baseline;
  /** The eligibility trace E, shaped like the weights. */
  private final Weights eligibility;
  private final double[] layerScale;
  private final double learningRate;
  private final double traceDecay;
  private double episodeReturn;
  /** Set by {@link #discardEpisode()} until the next step: rewards meanwhile belong to the dropped episode. */
  private boolean discarded;
  private double lastRpe = Double.NaN;

  private final double[][][] historyU;
  private final double[][][] historyV;
  private final double[] historyScale;
  private int historyNewest = -1;
  private int historyCount;

  /** The continuing form's TD critic, or null for the running-average baseline. */
  private final Critic critic;
  /** 1 − λ of the weight decay, applied every step or on quiet ones; 1 for none. */
  private final double weightRetention;
  /** Steps without a nonzero reward after which the decay applies (0: every step). */
  private final int decayAfter;
  /** Steps since the last nonzero reward (counted only with a gated decay). */
  private long quietSteps;

  /** ρ of the per-synapse normalised step ({@link LearnerConfig#rmsStep()}); 0 for the plain step. */
  private final double rmsStep;
  /** The step's update before it is normalised, and each synapse's running mean square of it (null without). */
  private final Weights rawStep;
  private final Weights meanSquare;

  /** Not real-time safe: allocates every buffer the rule will use. */
  AbstractLearner(LearnerConfig config) {
    this.config = config;
    int[] sizes = config.layerSizes();
    this.net = new Network(sizes, config.hiddenActivation(), config.leakSlope(), config.biases(), config.weightSeed());
    this.form = config.form();
    this.actions = net.outputSize();
    this.outputLayer = net.layers();
    this.z = net.newUnitVectors();
    this.x = net.newUnitVectors();
    this.probs = new double[actions];
    this.u = net.newUnitVectors();
    this.v = x;
    this.actionStream = new Xoshiro256StarStar(config.actionSeed());
    this.exploration = config.exploration();
    this.explorationHold = config.explorationHold();
    this.baseline = new RewardBaseline(config.baselineRate());
    this.eligibility = net.newWeights();
    this.layerScale = new double[net.layers() + 1];
    for (int l = 1; l <= net.layers(); l++) {
      layerScale[l] = config.rule() == Rule.NRL && config.fanOut() ? net.size(l) : 1.0;
    }
    this.learningRate = config.learningRate();
    this.traceDecay = config.traceDecay();
    int history = form == CreditForm.CONTINUING ? config.rewardHistorySteps() : 0;
    this.historyU = new double[history][][];
    this.historyV = new double[history][][];
    for (int h = 0; h < history; h++) {
      historyU[h] = net.newUnitVectors();
      historyV[h] = net.newUnitVectors();
    }
    this.historyScale = new double[history];
    this.critic = config.criticRate() > 0 ? new Critic(sizes, config.criticRate(), config.criticDiscount()) : null;
    this.weightRetention = 1.0 - config.weightDecay();
    this.decayAfter = config.weightDecayAfter();
    this.rmsStep = config.rmsStep();
    this.rawStep = rmsStep > 0 ? net.newWeights() : null;
    this.meanSquare = rmsStep > 0 ? net.newWeights() : null;
  }

  /**
   * Runs the rule's passes for {@code observation}, sets {@link #u}, {@link #uScale} and {@link #v}
   * to this step's factors, and returns the action from {@link #chooseAction}. Real-time safe.
   */
  abstract int probe(double[] observation, int forcedAction);

  /**
   * Fills {@link #probs} with the policy of {@code logits} and returns {@code forcedAction} when
   * ≥ 0 (tests fix the action), else the held action during an exploration hold, else an action
   * sampled from the acting policy (which may start a hold). Real-time safe.
   */
  final int chooseAction(double[] logits, int forcedAction) {
    Policy.softmax(logits, probs);
    holding = false;
    if (forcedAction >= 0) {
      return forcedAction;
    }
    if (exploration <= 0) {
      return Policy.sample(probs, actions, actionStream);
    }
    if (holdRemaining > 0) {
      holdRemaining--;
      holding = true;
      return heldAction;
    }
    double draw = actionStream.nextDouble();
    int a = Policy.sampleWithFloorAt(probs, actions, exploration, draw);
    if (draw < exploration) { // the uniform branch: held for the next H − 1 ticks (none when H = 1)
      heldAction = a;
      holdRemaining = explorationHold - 1;
    }
    return a;
  }

  /**
   * The acting policy's log-probability change of action {@code a} from the softmax's
   * {@code delta}: {@code delta} itself without a floor. Real-time safe.
   */
  final double actingLogProbabilityChange(double delta, int a) {
    return exploration > 0 ? Policy.logProbabilityChangeWithFloor(delta, probs, actions, exploration, a) : delta;
  }

  /** {@code w = ∇ ln μ(a) / ∇ ln π(a)} of the floor: 1 without one. Real-time safe. */
  final double actingScoreWeight(int a) {
    return exploration > 0 ? Policy.floorScoreWeight(probs, actions, exploration, a) : 1.0;
  }

  @Override
  public final int step(double[] observation) {
    discarded = false;
    int a = probe(observation, -1);
    creditScale = holding ? 0.0 : uScale; // a held action's score is zero: see the class comment
    if (critic != null) { // the transition that ended with this observation, against the trace as it stood
      creditWholeTrace(critic.enter(x));
    }
    if (weightRetention != 1.0 && (decayAfter == 0 || ++quietSteps > decayAfter)) {
      net.weights().scale(weightRetention);
    }
    switch (form) {
      case EPISODIC -> {
        if (traceDecay != 1.0) {
          eligibility.scale(traceDecay);
        }
        eligibility.addOuter(creditScale, u, v);
      }
      case CONTINUING -> {
        eligibility.scale(traceDecay);
        eligibility.addOuter(creditScale, u, v);
        remember();
      }
      case IMMEDIATE -> { }
    }
    return a;
  }

  @Override
  public final int act(double[] observation) {
    net.forward(observation, z, x);
    return chooseAction(z[outputLayer], -1);
  }

  @Override
  public final int greedyAction(double[] observation) {
    net.forward(observation, z, x);
    return Policy.argmax(z[outputLayer]);
  }

  @Override
  public final void reward(double reward, int stepsAgo) {
    if (discarded) {
      return;
    }
    if (reward != 0) {
      quietSteps = 0;
    }
    switch (form) {
      case EPISODIC -> episodeReturn += reward;
      case IMMEDIATE -> {
        double delta = baseline.predictionError(reward);
        lastRpe = delta;
        if (meanSquare != null) {
          rawStep.clear();
          rawStep.addOuter(delta * creditScale, u, v, layerScale);
          net.weights().addNormalised(learningRate, rawStep, meanSquare, rmsStep);
        } else {
          net.weights().addOuter(learningRate * delta * creditScale, u, v, layerScale);
        }
      }
      case CONTINUING -> {
        if (critic != null) {
          critic.reward(reward); // credited with the transition in progress at the next step
        } else {
          lastRpe = baseline.predictionError(reward);
          creditPast(lastRpe, stepsAgo);
        }
      }
    }
  }

  @Override
  public final void endEpisode() {
    holdRemaining = 0;
    switch (form) {
      case EPISODIC -> {
        double R = episodeReturn;
        double prediction = baseline.defined() ? baseline.value() : R;
        double error = baseline.predictionError(R);
        double floor = config.returnNormFloor();
        double norm = config.rpeNorm() == RpeNorm.RETURN ? Math.abs(R) : Math.max(Math.abs(R), Math.abs(prediction));
        double delta = floor > 0 ? error / Math.max(norm, floor) : error;
        lastRpe = delta;
        net.weights().addScaled(learningRate * delta, eligibility, layerScale);
        eligibility.clear();
        episodeReturn = 0;
      }
      case IMMEDIATE -> baseline.reset();
      case CONTINUING -> {
        if (critic != null) {
          creditWholeTrace(critic.end());
        }
        eligibility.clear();
        historyCount = 0;
      }
    }
  }

  @Override
  public final double lastRpe() {
    return lastRpe;
  }

  @Override
  public final void discardEpisode() {
    eligibility.clear();
    episodeReturn = 0;
    historyCount = 0;
    holdRemaining = 0;
    discarded = true;
    if (critic != null) {
      critic.forget();
    }
  }

  /** {@code W += η c δ E} with the trace as it stands; nothing for a NaN δ (no transition ended). */
  private void creditWholeTrace(double delta) {
    if (!Double.isNaN(delta)) {
      lastRpe = delta;
      net.weights().addScaled(learningRate * delta, eligibility, layerScale);
    }
  }

  /** The critic's value of the current state (0 without a critic or before the first step); for tests. */
  final double criticValue() {
    return critic != null ? critic.value() : 0.0;
  }

  /** {@code W += η c δ E_{t−m}} with {@code E_{t−m} = γ^{−m}(E_t − Σ_{j<m} γ^j u_{t−j} v_{t−j}ᵀ)}. */
  private void creditPast(double delta, int stepsAgo) {
    int m = Math.max(0, Math.min(stepsAgo, historyCount));
    double k = learningRate * delta * Math.pow(traceDecay, -m);
    net.weights().addScaled(k, eligibility, layerScale);
    double decayPower = 1.0;
    for (int j = 0; j < m; j++) {
      int slot = Math.floorMod(historyNewest - j, historyU.length);
      net.weights().addOuter(-k * decayPower * historyScale[slot], historyU[slot], historyV[slot], layerScale);
      decayPower *= traceDecay;
    }
  }

  private void remember() {
    historyNewest = (historyNewest + 1) % historyU.length;
    for (int l = 0; l <= net.layers(); l++) {
      System.arraycopy(u[l], 0, historyU[historyNewest][l], 0, u[l].length);
      System.arraycopy(v[l], 0, historyV[historyNewest][l], 0, v[l].length);
    }
    historyScale[historyNewest] = creditScale;
    historyCount = Math.min(historyCount + 1, historyU.length);
  }

  /** Held ticks of the current exploration hold still to come (0: the next action is free). */
  final int heldTicksLeft() {
    return holdRemaining;
  }

  /** Bytes of the rule's own state beyond what every rule shares (its noise source, running means). */
  int ruleStateBytes() {
    return 0;
  }

  /** Writes the rule's own state. Real-time safe. */
  void saveRuleState(ByteBuffer out) {}

  /** Reads the rule's own state. */
  void loadRuleState(ByteBuffer in) {}

  /**
   * Layout: weights, eligibility trace (each layer's weights in storage order, then its biases, as
   * doubles), reward baseline, action stream, with an exploration hold (H &gt; 1 only, so other
   * layouts stay as they were) the held ticks still to come and the held action, episode return, discarded flag, late-reward history
   * (newest slot, count, then every slot's scale and factors), with a critic its state ({@link Critic#saveState}), with
   * a gated weight decay the quiet steps, with a normalised step each synapse's mean square (as the
   * weights), then the rule's own state.
   */
  @Override
  public final int stateBytes() {
    int history = historyU.length * 8;
    for (int h = 0; h < historyU.length; h++) {
      history += 8 * (units(historyU[h]) + units(historyV[h]));
    }
    return net.weights().stateBytes() + eligibility.stateBytes() + baseline.stateBytes() + actionStream.stateBytes()
        + (explorationHold > 1 ? 8 : 0) + 8 + 8 + 8 + history + (critic != null ? critic.stateBytes() : 0)
        + (decayAfter > 0 ? 8 : 0) + (meanSquare != null ? meanSquare.stateBytes() : 0) + ruleStateBytes();
  }

  @Override
  public final void saveState(ByteBuffer out) {
    net.weights().saveState(out);
    eligibility.saveState(out);
    baseline.saveState(out);
    actionStream.saveState(out);
    if (explorationHold > 1) {
      out.putInt(holdRemaining).putInt(heldAction);
    }
    out.putDouble(episodeReturn);
    out.putLong(discarded ? 1 : 0);
    out.putInt(historyNewest).putInt(historyCount);
    for (int h = 0; h < historyU.length; h++) {
      out.putDouble(historyScale[h]);
      putUnits(out, historyU[h]);
      putUnits(out, historyV[h]);
    }
    if (critic != null) {
      critic.saveState(out);
    }
    if (decayAfter > 0) {
      out.putLong(quietSteps);
    }
    if (meanSquare != null) {
      meanSquare.saveState(out);
    }
    saveRuleState(out);
  }

  @Override
  public final void loadState(ByteBuffer in) {
    net.weights().loadState(in);
    eligibility.loadState(in);
    baseline.loadState(in);
    actionStream.loadState(in);
    if (explorationHold > 1) {
      int remaining = in.getInt();
      int held = in.getInt();
      if (remaining < 0 || remaining >= explorationHold || held < -1 || held >= actions || (remaining > 0 && held < 0)) {
        throw new IllegalArgumentException("learner: exploration hold " + remaining + " ticks of action " + held);
      }
      holdRemaining = remaining;
      heldAction = held;
    }
    episodeReturn = in.getDouble();
    discarded = in.getLong() != 0;
    int newest = in.getInt();
    int count = in.getInt();
    if (newest < -1 || newest >= Math.max(1, historyU.length) || count < 0 || count > historyU.length) {
      throw new IllegalArgumentException("learner: late-reward history slot " + newest + " / count " + count);
    }
    historyNewest = newest;
    historyCount = count;
    for (int h = 0; h < historyU.length; h++) {
      historyScale[h] = in.getDouble();
      getUnits(in, historyU[h]);
      getUnits(in, historyV[h]);
    }
    if (critic != null) {
      critic.loadState(in);
    }
    if (decayAfter > 0) {
      long quiet = in.getLong();
      if (quiet < 0) {
        throw new IllegalArgumentException("learner: quiet steps " + quiet);
      }
      quietSteps = quiet;
    }
    if (meanSquare != null) {
      meanSquare.loadState(in);
    }
    loadRuleState(in);
  }

  static int units(double[][] vectors) {
    int n = 0;
    for (double[] v : vectors) {
      n += v.length;
    }
    return n;
  }

  static void putUnits(ByteBuffer out, double[][] vectors) {
    for (double[] v : vectors) {
      for (double d : v) {
        out.putDouble(d);
      }
    }
  }

  static void getUnits(ByteBuffer in, double[][] vectors) {
    for (double[] v : vectors) {
      for (int k = 0; k < v.length; k++) {
        v[k] = in.getDouble();
      }
    }
  }

  @Override
  public final int maxRewardDelaySteps() {
    return historyU.length;
  }

  @Override
  public final int observationSize() {
    return net.inputSize();
  }

  @Override
  public final int actionCount() {
    return actions;
  }

  @Override
  public final Network network() {
    return net;
  }

  @Override
  public final boolean weightsFinite() {
    return net.weightsFinite() && (critic == null || critic.finite());
  }
}
