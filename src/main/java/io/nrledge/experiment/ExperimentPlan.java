package io.nrledge.experiment;

import io.nrledge.env.Environment;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.NoiseKind;
import io.nrledge.learner.NoiseProbe;
import io.nrledge.learner.RpeNorm;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The grid an experiment runs: every method × η × σ × seed. A method with no learning rates, and
 * an empty list of σs, mean that method's {@link TaskDefaults}; methods without noise run once per
 * η whatever the σs.
 *
 * @param learningRates the η grid of each method (absent or empty: its default)
 * @param hidden hidden-layer widths; inputs and actions come from the task
 * @param fanOut scale the paper NRL's layer updates by n_l (the other methods never scale)
 * @param probesPerLayer noise probes per layer and step for {@code nrl-layer}
 * @param episodes budget per run in episodes (Reaching: trials)
 * @param rpeNorm what the episodic RPE is divided by, for every rule
 * @param rmsStep ρ of the per-synapse normalised step for every rule (0: the plain step; immediate form only)
 * @param layerFanOut scale {@code nrl-layer}'s layer updates by n_l
 * @param partitionedProbes {@code nrl-layer} splits each layer's units among its probes
 *     ({@link NoiseProbe#PARTITIONED}) instead of noising all of them in every probe
 */
public record ExperimentPlan(Task task, boolean corrected, List<Method> methods, List<Long> seeds, int[] hidden,
    Map<Method, List<Double>> learningRates, List<Double> sigmas, boolean fanOut, int probesPerLayer, NoiseKind noise,
    int episodes, boolean stopWhenSolved, RpeNorm rpeNorm, double rmsStep, boolean layerFanOut,
    boolean partitionedProbes) {

  /** {@code nrl-layer} as tuned: independent probes, no fan-out factor. */
  public ExperimentPlan(Task task, boolean corrected, List<Method> methods, List<Long> seeds, int[] hidden,
      Map<Method, List<Double>> learningRates, List<Double> sigmas, boolean fanOut, int probesPerLayer,
      NoiseKind noise, int episodes, boolean stopWhenSolved, RpeNorm rpeNorm, double rmsStep) {
    this(task, corrected, methods, seeds, hidden, learningRates, sigmas, fanOut, probesPerLayer, noise, episodes,
        stopWhenSolved, rpeNorm, rmsStep, false, false);
  }

  /** The plain step. */
  public ExperimentPlan(Task task, boolean corrected, List<Method> methods, List<Long> seeds, int[] hidden,
      Map<Method, List<Double>> learningRates, List<Double> sigmas, boolean fanOut, int probesPerLayer,
      NoiseKind noise, int episodes, boolean stopWhenSolved, RpeNorm rpeNorm) {
    this(task, corrected, methods, seeds, hidden, learningRates, sigmas, fanOut, probesPerLayer, noise, episodes,
        stopWhenSolved, rpeNorm, 0.0);
  }

  /** The reference code's RPE norm, |R|. */
  public ExperimentPlan(Task task, boolean corrected, List<Method> methods, List<Long> seeds, int[] hidden,
      Map<Method, List<Double>> learningRates, List<Double> sigmas, boolean fanOut, int probesPerLayer,
      NoiseKind noise, int episodes, boolean stopWhenSolved) {
    this(task, corrected, methods, seeds, hidden, learningRates, sigmas, fanOut, probesPerLayer, noise, episodes,
        stopWhenSolved, RpeNorm.RETURN);
  }

  public ExperimentPlan {
    methods = List.copyOf(methods);
    seeds = List.copyOf(seeds);
    hidden = hidden.clone();
    learningRates = Map.copyOf(learningRates);
    sigmas = List.copyOf(sigmas);
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  /** True when some method runs with more than one η or σ, so curves need their hyper-parameters as labels. */
  public boolean isGrid() {
    return learningRates.values().stream().anyMatch(rates -> rates.size() > 1) || sigmas.size() > 1;
  }

  /** Every run, ordered by method, η, σ, then seed. Validates each learner configuration. */
  public List<RunSpec> runs() {
    int[] layers = layerSizes();
    List<RunSpec> runs = new ArrayList<>();
    for (Method method : methods) {
      for (double lr : ratesFor(method)) {
        for (double sigma : sigmasFor(method)) {
          for (long seed : seeds) {
            runs.add(new RunSpec(task, corrected, seed, method, learner(layers, method, lr, sigma, seed), episodes,
                stopWhenSolved));
          }
        }
      }
    }
    return runs;
  }

  /** The same η grid for every method in {@code methods}. */
  public static Map<Method, List<Double>> sameRates(List<Method> methods, List<Double> rates) {
    Map<Method, List<Double>> map = new EnumMap<>(Method.class);
    for (Method method : methods) {
      map.put(method, rates);
    }
    return map;
  }

  private List<Double> ratesFor(Method method) {
    List<Double> rates = learningRates.getOrDefault(method, List.of());
    return rates.isEmpty() ? List.of(TaskDefaults.learningRate(task, method)) : rates;
  }

  private List<Double> sigmasFor(Method method) {
    if (!method.usesNoise()) {
      return List.of(Double.NaN);
    }
    return sigmas.isEmpty() ? List.of(TaskDefaults.sigma(task, method)) : sigmas;
  }

  private LearnerConfig learner(int[] layers, Method method, double lr, double sigma, long seed) {
    boolean scaled = method == Method.NRL_LAYER ? layerFanOut : method == Method.NRL && fanOut;
    LearnerConfig.Builder builder = method.configure(LearnerConfig.builder(layers), scaled, probesPerLayer,
            partitionedProbes)
        .form(task.form())
        .learningRate(lr)
        .baselineRate(TaskDefaults.BASELINE_RATE)
        .rpeNorm(rpeNorm)
        .rmsStep(rmsStep)
        .seed(seed);
    if (method.usesNoise()) {
      builder.sigma(sigma).noiseKind(noise);
    }
    return builder.build();
  }

  private int[] layerSizes() {
    Environment env = task.createEnvironment(corrected);
    int[] layers = new int[hidden.length + 2];
    layers[0] = env.observationSize();
    System.arraycopy(hidden, 0, layers, 1, hidden.length);
    layers[layers.length - 1] = env.actionCount();
    return layers;
  }
}
