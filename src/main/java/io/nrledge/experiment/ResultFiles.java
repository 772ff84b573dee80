package io.nrledge.experiment;

import io.nrledge.learner.LearnerConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes an experiment's {@code episodes.csv}, {@code summary.csv}, {@code aggregate.csv} and
 * {@code config.json}. CSV numbers are Java's shortest round-trip decimals unless a writer says
 * otherwise; σ is empty (JSON null) for a rule without noise. Only {@code summary.csv} holds
 * timings, so the others repeat exactly for the same runs.
 */
public final class ResultFiles {
  public static final String EPISODES_CSV = "episodes.csv";
  public static final String SUMMARY_CSV = "summary.csv";
  public static final String CONFIG_JSON = "config.json";
  public static final String AGGREGATE_CSV = "aggregate.csv";
  public static final String EPISODES_HEADER = "task,rule,seed,lr,sigma,episode,return,steps";
  public static final String SUMMARY_HEADER =
      "task,rule,seed,lr,sigma,episodes,final_ma100,solved_at_episode,run_class,first_goal_episode,"
          + "last_goal_episode,wall_seconds,steps_per_second";
  public static final String AGGREGATE_HEADER = "task,rule,lr,sigma,runs,budget,solved,success_rate,success_low,"
      + "success_high,solve_iqm,solve_low,solve_high,final_iqm,final_low,final_high,"
      + "solved_stayed,solved_collapsed,early_lost,reached_unsolved,never,steps_to_solve_iqm,steps_to_solve_low,"
      + "steps_to_solve_high";

  private ResultFiles() {}

  /** One row per episode (Reaching: trial), episodes numbered from 1. */
  public static void writeEpisodes(Path file, List<RunResult> results) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(EPISODES_HEADER);
      out.write('\n');
      for (RunResult result : results) {
        writeEpisodeRows(out, result);
      }
    }
  }

  /** The episode rows of one run, each ending in a newline. */
  static void writeEpisodeRows(Writer out, RunResult result) throws IOException {
    String key = runKey(result.spec());
    for (int e = 0; e < result.episodes(); e++) {
      out.write(key);
      out.write(',');
      out.write(Integer.toString(e + 1));
      out.write(',');
      out.write(Double.toString(result.returns()[e]));
      out.write(',');
      out.write(Integer.toString(result.steps()[e]));
      out.write('\n');
    }
  }

  /** One row per run. */
  public static void writeSummary(Path file, List<RunResult> results) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(SUMMARY_HEADER);
      out.write('\n');
      for (RunResult result : results) {
        out.write(summaryRow(result));
        out.write('\n');
      }
    }
  }

  /** The summary row of one run, without its newline. */
  static String summaryRow(RunResult result) {
    RunClass runClass = result.runClass();
    return String.format(Locale.ROOT, "%s,%d,%s,%d,%s,%d,%d,%.3f,%.0f", runKey(result.spec()), result.episodes(),
        Double.toString(result.finalMovingAverage()), result.solvedAtEpisode(),
        runClass == null ? "" : runClass.id(), result.firstGoalEpisode(), result.lastGoalEpisode(),
        result.wallSeconds(), result.stepsPerSecond());
  }

  /**
   * One row per setting ({@link Aggregate}): rates to 4 decimals, episodes and returns to 2; fields
   * that do not apply (Reaching has no threshold) are empty. Holds no timings, so it repeats exactly.
   */
  public static void writeAggregate(Path file, List<Aggregate.Row> rows) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(AGGREGATE_HEADER);
      out.write('\n');
      for (Aggregate.Row row : rows) {
        Setting s = row.setting();
        out.write(String.join(",", row.task().id(), s.method().id(), Double.toString(s.learningRate()),
            Double.isNaN(s.sigma()) ? "" : Double.toString(s.sigma()), Integer.toString(row.runs()),
            Integer.toString(row.budget()), row.hasThreshold() ? Integer.toString(row.solved()) : "",
            interval(row.successRate(), "%.4f"), interval(row.episodesToSolve(), "%.2f"),
            interval(row.finalReturn(), "%.2f"), classCounts(row), interval(row.stepsToSolve(), "%.0f")));
        out.write('\n');
      }
    }
  }

  private static String interval(Interval interval, String format) {
    return number(interval.estimate(), format) + "," + number(interval.low(), format) + ","
        + number(interval.high(), format);
  }

  private static String number(double value, String format) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, format, value);
  }

  private static String classCounts(Aggregate.Row row) {
    java.util.StringJoiner counts = new java.util.StringJoiner(",");
    for (RunClass runClass : RunClass.values()) {
      counts.add(row.hasThreshold() ? Integer.toString(row.count(runClass)) : "");
    }
    return counts.toString();
  }

  /**
   * The exact configuration of every run, one JSON object per line inside {@code "runs"}, so that
   * each run can be repeated from this file alone.
   */
  public static void writeConfig(Path file, String version, List<String> arguments, List<RunSpec> specs)
      throws IOException {
    writeConfig(file, version, arguments, specs, "complete");
  }

  /**
   * As {@link #writeConfig(Path, String, List, List)}, with a {@code "status"} field ({@code running},
   * {@code complete}, {@code interrupted} or {@code failed}); replaces the file atomically.
   */
  public static void writeConfig(Path file, String version, List<String> arguments, List<RunSpec> specs,
      String status) throws IOException {
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"status\": ").append(string(status)).append(",\n");
    json.append("  \"version\": ").append(string(version)).append(",\n");
    json.append("  \"arguments\": [");
    for (int i = 0; i < arguments.size(); i++) {
      json.append(i == 0 ? "" : ", ").append(string(arguments.get(i)));
    }
    json.append("],\n");
    json.append("  \"moving_average_window\": ").append(MovingAverage.WINDOW).append(",\n");
    json.append(runsBlock(specs));
    json.append("}\n");
    replaceAtomically(file, json);
  }

  /** The {@code "runs"} array of config.json: what a resumed experiment must repeat exactly. */
  static String runsBlock(List<RunSpec> specs) {
    StringBuilder json = new StringBuilder("  \"runs\": [\n");
    for (int i = 0; i < specs.size(); i++) {
      json.append("    ").append(runJson(specs.get(i))).append(i + 1 < specs.size() ? ",\n" : "\n");
    }
    return json.append("  ]\n").toString();
  }

  /** Writes {@code text} to a temporary file beside {@code file}, then moves it over {@code file} in one step. */
  public static void replaceAtomically(Path file, CharSequence text) throws IOException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }


  private static String runJson(RunSpec spec) {
    LearnerConfig c = spec.learner();
    StringBuilder s = new StringBuilder("{");
    s.append("\"task\": ").append(string(spec.task().id()));
    if (spec.task() == Task.REACHING) {
      s.append(", \"reward\": ").append(string(spec.corrected() ? "corrected" : "neurogym-floor-target"));
    }
    s.append(", \"rule\": ").append(string(spec.method().id()));
    s.append(", \"seed\": ").append(spec.seed());
    s.append(", \"env_seed\": ").append(spec.envSeed());
    s.append(", \"layer_sizes\": [");
    int[] layers = c.layerSizes();
    for (int i = 0; i < layers.length; i++) {
      s.append(i == 0 ? "" : ", ").append(layers[i]);
    }
    s.append("]");
    s.append(", \"form\": ").append(string(c.form().name().toLowerCase(Locale.ROOT)));
    s.append(", \"learning_rate\": ").append(c.learningRate());
    s.append(", \"sigma\": ").append(Double.isNaN(spec.sigma()) ? "null" : Double.toString(spec.sigma()));
    s.append(", \"noise\": ").append(spec.noiseKind() == null ? "null" : string(spec.noiseKind().name().toLowerCase(Locale.ROOT)));
    s.append(", \"noise_probe\": ").append(string(c.noiseProbe().name().toLowerCase(Locale.ROOT)));
    s.append(", \"probes_per_layer\": ").append(c.probesPerLayer());
    s.append(", \"baseline_rate\": ").append(c.baselineRate());
    s.append(", \"trace_decay\": ").append(c.traceDecay());
    s.append(", \"fan_out\": ").append(c.fanOut());
    s.append(", \"return_norm_floor\": ").append(c.returnNormFloor());
    s.append(", \"rpe_norm\": ").append(string(c.rpeNorm().name().toLowerCase(Locale.ROOT)));
    if (c.rmsStep() > 0) { // only when on, so the configuration of every earlier experiment reads as before
      s.append(", \"rms_step\": ").append(c.rmsStep());
    }
    s.append(", \"hidden_activation\": ").append(string(c.hiddenActivation().name().toLowerCase(Locale.ROOT)));
    s.append(", \"leak_slope\": ").append(c.leakSlope());
    s.append(", \"biases\": ").append(c.biases());
    s.append(", \"implicit_noise_rate\": ").append(c.implicitNoiseRate());
    s.append(", \"weight_seed\": ").append(c.weightSeed());
    s.append(", \"noise_seed\": ").append(c.noiseSeed());
    s.append(", \"action_seed\": ").append(c.actionSeed());
    if (spec.task() == Task.REACHING) {
      s.append(", \"trials\": ").append(spec.episodes());
      s.append(", \"steps\": ").append((long) spec.episodes() * spec.task().maxEpisodeSteps());
    } else {
      s.append(", \"episodes\": ").append(spec.episodes());
    }
    s.append(", \"stop_when_solved\": ").append(spec.stopWhenSolved());
    return s.append("}").toString();
  }

  /** "task,rule,seed,lr,sigma" of a run. */
  static String runKey(RunSpec spec) {
    double sigma = spec.sigma();
    return spec.task().id() + "," + spec.method().id() + "," + spec.seed() + ","
        + spec.learner().learningRate() + "," + (Double.isNaN(sigma) ? "" : Double.toString(sigma));
  }

  private static String string(String value) {
    StringBuilder s = new StringBuilder("\"");
    for (char ch : value.toCharArray()) {
      switch (ch) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        default -> {
          if (ch < 0x20) {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            s.append(ch);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}
