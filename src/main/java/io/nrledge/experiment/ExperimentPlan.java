package io.nrledge.experiment;

import io.nrledge.env.Environment;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.NoiseKind;
import io.nrledge.learner.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid an experiment runs: every rule × η × σ × seed. An empty list of learning rates or σs
 * means each rule's {@link TaskDefaults}; rules without noise run once per η whatever the σs.
 *
 * @param hidden hidden-layer widths; inputs and actions come from the task
 * @param fanOut scale NRL's layer updates by n_l (the other rules never scale)
 * @param episodes budget per run in episodes (Reaching: trials)
 */
public record ExperimentPlan(Task task, boolean corrected, List<Rule> rules, List<Long> seeds, int[] hidden,
    List<Double> learningRates, List<Double> sigmas, boolean fanOut, NoiseKind noise, int episodes,
    boolean stopWhenSolved) {

  public ExperimentPlan {
    rules = List.copyOf(rules);
    seeds = List.copyOf(seeds);
    hidden = hidden.clone();
    learningRates = List.copyOf(learningRates);
    sigmas = List.copyOf(sigmas);
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  /** True when some rule runs with more than one η or σ, so curves need their hyper-parameters as labels. */
  public boolean isGrid() {
    return learningRates.size() > 1 || sigmas.size() > 1;
  }

  /** Every run, ordered by rule, η, σ, then seed. Validates each learner configuration. */
  public List<RunSpec> runs() {
    int[] layers = layerSizes();
    List<RunSpec> runs = new ArrayList<>();
    for (Rule rule : rules) {
      for (double lr : learningRates.isEmpty() ? List.of(TaskDefaults.learningRate(task, rule)) : learningRates) {
        for (double sigma : sigmasFor(rule)) {
          for (long seed : seeds) {
            runs.add(new RunSpec(task, corrected, seed, learner(layers, rule, lr, sigma, seed), episodes, stopWhenSolved));
          }
        }
      }
    }
    return runs;
  }

  private List<Double> sigmasFor(Rule rule) {
    if (!TaskDefaults.usesNoise(rule)) {
      return List.of(Double.NaN);
    }
    return sigmas.isEmpty() ? List.of(TaskDefaults.sigma(task, rule)) : sigmas;
  }

  private LearnerConfig learner(int[] layers, Rule rule, double lr, double sigma, long seed) {
    LearnerConfig.Builder builder = LearnerConfig.builder(layers)
        .rule(rule)
        .form(task.form())
        .learningRate(lr)
        .baselineRate(TaskDefaults.BASELINE_RATE)
        .fanOut(rule == Rule.NRL && fanOut)
        .seed(seed);
    if (TaskDefaults.usesNoise(rule)) {
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
