package io.nrledge.cli;

import io.nrledge.experiment.Aggregate;
import io.nrledge.experiment.CurvePlot;
import io.nrledge.experiment.Experiment;
import io.nrledge.experiment.ExperimentPlan;
import io.nrledge.experiment.Method;
import io.nrledge.experiment.ResultFiles;
import io.nrledge.experiment.ResultJournal;
import io.nrledge.experiment.RunResult;
import io.nrledge.experiment.RunSpec;
import io.nrledge.experiment.Setting;
import io.nrledge.experiment.SummaryTable;
import io.nrledge.experiment.Task;
import io.nrledge.experiment.TaskDefaults;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.NoiseKind;
import io.nrledge.learner.NoiseProbe;
import io.nrledge.learner.RpeNorm;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code experiment}: runs one of the paper's tasks for every rule × η × σ × seed on a thread pool
 * and writes episodes.csv, summary.csv, aggregate.csv, config.json and curves.png. Options are read
 * as text and checked here, so every mistake is one line naming its option; nothing runs before all
 * are valid.
 */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one task of the NRL paper for every rule x learning rate x sigma x seed",
      "and writes to DIR:",
      "  episodes.csv  one row per episode (Reaching: per 300-step trial):",
      "                task,rule,seed,lr,sigma,episode,return,steps",
      "  summary.csv   one row per run: task,rule,seed,lr,sigma,episodes,",
      "                final_ma100,solved_at_episode,run_class,first_goal_episode,",
      "                last_goal_episode,wall_seconds,steps_per_second",
      "  aggregate.csv one row per rule x lr x sigma over the seeds: success",
      "                rate with a 95%% Wilson interval; episodes to solve (an",
      "                unsolved run counts as the budget) and final_ma100, each",
      "                as interquartile mean (IQM) with a 95%% percentile",
      "                bootstrap interval (10000 resamples, fixed seed); counts",
      "                of each run_class",
      "  config.json   the exact configuration of every run, and \"status\": running,",
      "                complete (all files written), interrupted or failed",
      "  curves.png    100-episode moving average per setting: median across seeds,",
      "                min-max band across seeds, dashed solved threshold",
      "Episodes count from 1. solved_at_episode: the first episode at which the mean",
      "return of the last 100 episodes reaches 475 (CartPole) or -100 (Acrobot), else",
      "-1 (always -1 for Reaching). final_ma100: mean return of the last 100 episodes.",
      "A goal episode: CartPole return >= 475; Acrobot return > -500 (swung up before",
      "the limit). run_class: solved_stayed (solved, final_ma100 >= threshold),",
      "solved_collapsed (solved, final_ma100 below it), early_lost (never solved, goal",
      "episodes but none in the last 100), reached_unsolved (never solved, goal",
      "episodes in the last 100), never (no goal episode); empty for Reaching. With",
      "--stop-when-solved a solved run cannot collapse: classify full-budget runs.",
      "sigma is empty for bp, which injects no noise. Each seed independently seeds the",
      "learner's weights, noise and actions and the environment's start states.",
      "Stdout: a table per setting (solved seeds, episodes to solve: median and range",
      "over solved seeds, median final_ma100, steps/s of one thread), then the",
      "aggregate.csv numbers as a table. Stderr: progress.",
      "Each run's rows reach the CSVs as soon as it finishes; at the end both CSVs are",
      "rewritten in run order. On SIGINT/SIGTERM no new run starts, running ones are",
      "abandoned, finished ones are kept, status becomes interrupted and the exit code is",
      "130 (SIGINT) or 143 (SIGTERM); --resume then runs only the missing runs.",
      "Limits: hidden widths 1.." + LearnerConfig.MAX_LAYER_WIDTH + ", at most " + LearnerConfig.MAX_HIDDEN_LAYERS
          + " hidden layers and " + LearnerConfig.MAX_PARAMETERS + " parameters;",
      "--lr in (0, " + LearnerConfig.MAX_LEARNING_RATE + "], --sigma in (0, " + LearnerConfig.MAX_SIGMA
          + "], --probes 1.." + LearnerConfig.MAX_PROBES_PER_LAYER + ".",
      "Exit codes: 0 complete, 1 a run failed, 2 bad options, 130/143 interrupted.",
      ""
    })
final class ExperimentCommand implements Callable<Integer> {
  /** How long the interrupt hook waits for running runs to notice the stop (they check between episodes). */
  private static final long STOP_WAIT_MS = 10_000;
  private static final String RULE_NAMES = "nrl, nrl-layer, rmhl, rmhl-implicit, bp";

  @Option(names = "--task", required = true, paramLabel = "TASK", description = "cartpole, acrobot or reaching.")
  String task;

  @Option(names = "--rules", paramLabel = "R1,R2,...", defaultValue = "nrl,rmhl,bp",
      description = "Rules: " + RULE_NAMES + " (default: ${DEFAULT-VALUE}). nrl is the paper's rule;"
          + " nrl-layer probes each layer with its own noise, --probes times per step.")
  String rules;

  @Option(names = "--seeds", paramLabel = "S1,S2,...", defaultValue = "1,2,3,4,5",
      description = "Run seeds (default: ${DEFAULT-VALUE}).")
  String seeds;

  @Option(names = "--episodes", paramLabel = "N",
      description = "Episodes per run, cartpole and acrobot (default: the paper's 20000 and 8000).")
  String episodes;

  @Option(names = "--steps", paramLabel = "N",
      description = "Steps per run, reaching; runs floor(N / 300) whole trials (default: the paper's 5000000).")
  String steps;

  @Option(names = "--hidden", paramLabel = "H1,H2,...", description = "Hidden-layer widths (default: 64).")
  String hidden;

  @Option(names = "--lr", paramLabel = "X,Y,...",
      description = "Learning rates: X,Y,... for every rule, or RULE=X,RULE=Y,... per rule; a rule"
          + " given none uses its tuned per-task default.")
  String learningRates;

  @Option(names = "--sigma", paramLabel = "X,Y,...",
      description = "Noise standard deviations for the noisy rules; bp ignores them (default: 0.001).")
  String sigmas;

  @Option(names = "--fanout", paramLabel = "on|off",
      description = "Scale nrl's layer updates by their unit counts, as the reference code (default: on,"
          + " reaching off). nrl-layer has its own, --layer-fanout; the other rules never scale.")
  String fanOut;

  @Option(names = "--layer-fanout", paramLabel = "on|off",
      description = "Scale nrl-layer's layer updates by their unit counts, which makes its expected step"
          + " backprop's (default: off, as nrl-layer's learning rates were tuned).")
  String layerFanOut;

  @Option(names = "--probe-layout", paramLabel = "independent|partitioned",
      description = "nrl-layer's probes: independent (each noises every unit of its layer, the default) or"
          + " partitioned (each layer's units are split among the probes: less variance, exact once K reaches"
          + " the layer's width).")
  String probeLayout;

  @Option(names = "--probes", paramLabel = "K",
      description = "Noise probes per layer and step for nrl-layer (default: " + TaskDefaults.PROBES_PER_LAYER + ").")
  String probes;

  @Option(names = "--noise", paramLabel = "KIND", defaultValue = "gaussian",
      description = "Neuron noise: gaussian or rademacher (default: ${DEFAULT-VALUE}).")
  String noise;

  @Option(names = "--rpe-norm", paramLabel = "return|larger", defaultValue = "return",
      description = "Episodic RPE (R - r) divided by |R| (the reference, default) or by the larger of |R| and"
          + " |r| (r: the prediction before the episode), which bounds it to 2.")
  String rpeNorm;

  @Option(names = "--rms-step", paramLabel = "RHO", description = "Reaching: every rule takes the per-synapse"
      + " normalised step, each synapse's update divided by the root of its running mean square (decay RHO in"
      + " [0, 1); default 0: the plain step).")
  Double rmsStep;

  @Option(names = "--corrected",
      description = "Reaching: reward against the real target instead of neurogym's floor(target).")
  boolean corrected;

  @Option(names = "--threads", paramLabel = "N", description = "Runs at once (default: available processors).")
  String threads;

  @Option(names = "--stop-when-solved",
      description = "End a run once its 100-episode moving average reaches the threshold; its curve then"
          + " ends early and the plot aggregates only the runs still going.")
  boolean stopWhenSolved;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder, created if needed"
      + " (not empty, writable).")
  String out;

  @Option(names = "--force", description = "Write into a non-empty --out folder: first removes the five result files"
      + " of an earlier experiment there (other files stay).")
  boolean force;

  @Option(names = "--resume", description = "Finish the interrupted experiment in --out: give the same options"
      + " again; runs already in summary.csv are kept, only the missing ones run, with the same seeds, so the"
      + " result equals an uninterrupted run.")
  boolean resume;

  /** LearnerConfig's keys in this command's words. */
  private static final Map<String, String> LEARNER_OPTIONS = Map.of("layers", "--hidden", "learning-rate", "--lr",
      "sigma", "--sigma", "probes-per-layer", "--probes", "rms-step", "--rms-step");

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    ExperimentPlan plan = plan();
    int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : positiveInt("--threads", threads);
    List<RunSpec> runs = OptionVerdict.of(LEARNER_OPTIONS, "experiment", plan::runs);
    if (resume && force) {
      throw new UsageException("--resume: cannot be combined with --force");
    }
    Path dir = outputFolder();
    ResultJournal journal = journal(dir, runs);

    Experiment experiment = new Experiment(journal.missing(), threadCount);
    Thread onSignal = new Thread(() -> stopAndMark(experiment, journal), "experiment-interrupt");
    Runtime.getRuntime().addShutdownHook(onSignal);
    try (ExperimentProgress progress = ExperimentProgress.start(spec.commandLine().getErr(), experiment, plan.isGrid())) {
      experiment.run(result -> {
        progress.runFinished(result);
        try {
          journal.record(result);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (ExecutionException e) {
      journal.markFailed();
      throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
    } finally {
      removeHook(onSignal);
    }
    if (experiment.stopRequested() || !journal.writeOrderedRows()) {
      return Main.EXIT_INTERRUPTED;
    }
    List<RunResult> results = journal.results();
    List<Aggregate.Row> aggregate = Aggregate.of(results);
    ResultFiles.writeAggregate(dir.resolve(ResultFiles.AGGREGATE_CSV), aggregate);
    CurvePlot.writePng(dir.resolve(CurvePlot.CURVES_PNG), plan.task(), plan.corrected(), results, plan.isGrid());
    journal.markComplete();
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "%s: %d runs, %d %ss each%n", plan.task().title(plan.corrected()), runs.size(),
        plan.episodes(), plan.task().episodeNoun());
    stdout.print(SummaryTable.format(results, plan.isGrid()));
    stdout.print(SummaryTable.formatAggregate(aggregate, plan.isGrid()));
    stdout.println("wrote " + dir);
    stdout.flush();
    return Main.EXIT_OK;
  }

  private ResultJournal journal(Path dir, List<RunSpec> runs) throws IOException {
    String version = VersionProvider.implementationVersion();
    List<String> arguments = spec.commandLine().getParseResult().originalArgs();
    if (!resume) {
      return ResultJournal.start(dir, version, arguments, runs);
    }
    try {
      return ResultJournal.resume(dir, version, arguments, runs);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--resume: " + e.getMessage());
    }
  }

  /** The shutdown hook's work on SIGINT/SIGTERM: no new runs, running ones abandoned, finished ones kept and marked. */
  private static void stopAndMark(Experiment experiment, ResultJournal journal) {
    experiment.requestStop();
    try {
      experiment.awaitStopped(STOP_WAIT_MS);
      journal.markInterrupted();
    } catch (IOException | InterruptedException e) {
      System.err.println("nrl-edge: could not mark the experiment interrupted: " + e.getMessage());
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it marks the files
    }
  }

  private ExperimentPlan plan() {
    Task parsedTask = Task.byId(task);
    if (parsedTask == null) {
      throw new UsageException("--task: unknown task '" + task + "' (cartpole, acrobot, reaching)");
    }
    boolean reaching = parsedTask == Task.REACHING;
    if (corrected && !reaching) {
      throw new UsageException("--corrected: only reaching has a corrected reward");
    }
    if (stopWhenSolved && reaching) {
      throw new UsageException("--stop-when-solved: reaching has no solved threshold");
    }
    int probesPerLayer = probes == null ? TaskDefaults.PROBES_PER_LAYER : positiveInt("--probes", probes);
    // checked even when no rule uses it, by the learner's own limit
    OptionVerdict.of(LEARNER_OPTIONS, "--probes", () -> LearnerConfig.builder(1, 2)
        .noiseProbe(NoiseProbe.PER_LAYER).probesPerLayer(probesPerLayer).build());
    List<Method> methods = parseMethods();
    return new ExperimentPlan(parsedTask, corrected, methods, parseSeeds(),
        hidden == null ? TaskDefaults.hidden() : parseHidden(), parseLearningRates(methods),
        positiveNumbers("--sigma", sigmas), parseFanOut(parsedTask), probesPerLayer, parseNoise(), budget(parsedTask),
        stopWhenSolved, parseRpeNorm(), rmsStep == null ? 0.0 : rmsStep,
        layerFanOut != null && LearnerOptions.onOff("--layer-fanout", layerFanOut),
        probeLayout != null && LearnerOptions.partitioned("--probe-layout", probeLayout));
  }

  private List<Method> parseMethods() {
    List<Method> parsed = new ArrayList<>();
    for (String name : fields("--rules", rules)) {
      Method method = Method.byId(name);
      if (method == null) {
        throw new UsageException("--rules: unknown rule '" + name + "' (" + RULE_NAMES + ")");
      }
      if (parsed.contains(method)) {
        throw new UsageException("--rules: '" + name + "' is listed twice");
      }
      parsed.add(method);
    }
    return parsed;
  }

  private List<Long> parseSeeds() {
    List<Long> parsed = new ArrayList<>();
    for (String field : fields("--seeds", seeds)) {
      long seed;
      try {
        seed = Long.parseLong(field);
      } catch (NumberFormatException e) {
        throw new UsageException("--seeds: '" + field + "' is not an integer");
      }
      if (parsed.contains(seed)) {
        throw new UsageException("--seeds: " + seed + " is listed twice");
      }
      parsed.add(seed);
    }
    return parsed;
  }

  private int[] parseHidden() {
    String[] widths = fields("--hidden", hidden);
    int[] parsed = new int[widths.length];
    for (int i = 0; i < widths.length; i++) {
      parsed[i] = positiveInt("--hidden", widths[i]);
    }
    return parsed;
  }

  /** Bare values apply to every rule; {@code rule=value} entries to that rule only. */
  private Map<Method, List<Double>> parseLearningRates(List<Method> methods) {
    if (learningRates == null) {
      return Map.of();
    }
    boolean named = learningRates.contains("=");
    if (!named) {
      return ExperimentPlan.sameRates(methods, positiveNumbers("--lr", learningRates));
    }
    Map<Method, List<Double>> rates = new EnumMap<>(Method.class);
    for (String field : fields("--lr", learningRates)) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        throw new UsageException("--lr: mix of bare and RULE=X entries in '" + learningRates + "'");
      }
      Method method = Method.byId(field.substring(0, eq).trim());
      if (method == null || !methods.contains(method)) {
        throw new UsageException("--lr: '" + field.substring(0, eq).trim() + "' is not one of --rules");
      }
      List<Double> list = new ArrayList<>(rates.getOrDefault(method, List.of()));
      list.addAll(positiveNumbers("--lr", field.substring(eq + 1)));
      if (list.size() != new java.util.HashSet<>(list).size()) {
        throw new UsageException("--lr: " + field + " is listed twice");
      }
      rates.put(method, list);
    }
    return rates;
  }

  /** An empty list when the option is absent (the per-rule defaults apply). */
  private static List<Double> positiveNumbers(String option, String list) {
    if (list == null) {
      return List.of();
    }
    List<Double> parsed = new ArrayList<>();
    for (String field : fields(option, list)) {
      double value;
      try {
        value = Double.parseDouble(field);
      } catch (NumberFormatException e) {
        throw new UsageException(option + ": '" + field + "' is not a number");
      }
      if (!(value > 0) || !Double.isFinite(value)) {
        throw new UsageException(option + ": values must be finite and > 0, got '" + field + "'");
      }
      if (parsed.contains(value)) {
        throw new UsageException(option + ": " + field + " is listed twice");
      }
      parsed.add(value);
    }
    return parsed;
  }

  private boolean parseFanOut(Task parsedTask) {
    if (fanOut == null) {
      return TaskDefaults.fanOut(parsedTask);
    }
    return LearnerOptions.onOff("--fanout", fanOut);
  }

  private RpeNorm parseRpeNorm() {
    return switch (rpeNorm) {
      case "return" -> RpeNorm.RETURN;
      case "larger" -> RpeNorm.LARGER_OF_RETURN_AND_PREDICTION;
      default -> throw new UsageException("--rpe-norm: must be return or larger, got '" + rpeNorm + "'");
    };
  }

  private NoiseKind parseNoise() {
    return switch (noise) {
      case "gaussian" -> NoiseKind.GAUSSIAN;
      case "rademacher" -> NoiseKind.RADEMACHER;
      default -> throw new UsageException("--noise: unknown noise '" + noise + "' (gaussian, rademacher)");
    };
  }

  /** Episodes per run; for Reaching whole trials from --steps. */
  private int budget(Task parsedTask) {
    if (parsedTask != Task.REACHING) {
      if (steps != null) {
        throw new UsageException("--steps: " + parsedTask.id() + " counts episodes; use --episodes");
      }
      return episodes == null ? (int) TaskDefaults.budget(parsedTask) : positiveInt("--episodes", episodes);
    }
    if (episodes != null) {
      throw new UsageException("--episodes: reaching counts steps; use --steps");
    }
    int trialSteps = parsedTask.maxEpisodeSteps();
    long stepBudget = steps == null ? TaskDefaults.budget(parsedTask) : positiveLong("--steps", steps);
    long trials = stepBudget / trialSteps;
    if (trials < 1 || trials > Integer.MAX_VALUE) {
      throw new UsageException("--steps: must be " + trialSteps + " (one trial) or more, got " + stepBudget);
    }
    return (int) trials;
  }

  /** The --out folder, created; refuses a file, and a non-empty folder without --force or --resume. */
  private Path outputFolder() {
    Path dir;
    try {
      dir = Path.of(out);
    } catch (InvalidPathException e) {
      throw new UsageException("--out: '" + out + "' is not a valid path");
    }
    if (resume && !Files.isRegularFile(dir.resolve(ResultFiles.CONFIG_JSON))) {
      throw new UsageException("--resume: no experiment to resume in '" + out + "' (no " + ResultFiles.CONFIG_JSON + ")");
    }
    if (!out.isEmpty() && !force && !resume && isNonEmptyFolder(dir)) {
      throw new UsageException("--out: '" + out + "' is not empty (add --force to overwrite, --resume to finish it)");
    }
    return OutputPaths.folder("--out", out);
  }

  private static boolean isNonEmptyFolder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      throw new UsageException("--out: cannot list '" + dir + "': " + e);
    }
  }

  private static int positiveInt(String option, String text) {
    long value = positiveLong(option, text);
    if (value > Integer.MAX_VALUE) {
      throw new UsageException(option + ": " + text + " is too large");
    }
    return (int) value;
  }

  private static long positiveLong(String option, String text) {
    long value;
    try {
      value = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + ": '" + text + "' is not an integer");
    }
    if (value < 1) {
      throw new UsageException(option + ": must be >= 1, got " + value);
    }
    return value;
  }

  /** Comma-separated, trimmed, none empty. */
  private static String[] fields(String option, String list) {
    String[] parsed = Arrays.stream(list.split(",", -1)).map(String::trim).toArray(String[]::new);
    if (Arrays.stream(parsed).anyMatch(String::isEmpty)) {
      throw new UsageException(option + ": empty entry in '" + list + "'");
    }
    return parsed;
  }
}
