package io.nrledge.cli;

import io.nrledge.bench.LearnerBenchmark;
import io.nrledge.learner.CreditForm;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.Rule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench learner}: NRL, nrl-layer, RMHL and BP steps timed in one run on several networks. */
@Command(
    name = "learner",
    mixinStandardHelpOptions = true,
    description = "Time NRL, NRL with per-layer probes, RMHL and BP training steps (ns/step, bytes/step, GFLOP/s) on several networks.")
final class BenchLearnerCommand implements Callable<Integer> {
  private static final List<Rule> RULES = List.of(Rule.NRL, Rule.RMHL, Rule.BP);

  @Option(names = "--probes", paramLabel = "K", description = "Also time nrl-layer with K noise probes per layer,"
      + " independent and partitioned"
      + " (1.." + LearnerConfig.MAX_PROBES_PER_LAYER + "; default: ${DEFAULT-VALUE}; 0: not).", defaultValue = "32")
  int probes;

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Option(names = "--nets", split = ",", paramLabel = "SHAPE",
      description = "Networks as n0-H-…-nA: widths 1.." + LearnerConfig.MAX_LAYER_WIDTH + ", at most "
          + LearnerConfig.MAX_HIDDEN_LAYERS + " hidden layers and " + LearnerConfig.MAX_PARAMETERS
          + " parameters, at least 2 actions (default: ${DEFAULT-VALUE}).",
      defaultValue = "4-64-2,6-128-3,32-128-128-3")
  List<String> nets;

  @Option(names = "--round-ms", description = "Length of one timed round, 1.." + MAX_ROUND_MS
      + " ms (default: ${DEFAULT-VALUE}).", defaultValue = "200")
  int roundMs;

  @Option(names = "--warmup-steps", description = "Untimed steps per rule first, 0.." + MAX_WARMUP_STEPS
      + " (default: ${DEFAULT-VALUE}).", defaultValue = "100000")
  long warmupSteps;

  /** A minute per round: 7 rounds × 3 rules of a net then take at most about 20 minutes. */
  static final int MAX_ROUND_MS = 60_000;
  static final long MAX_WARMUP_STEPS = 10_000_000;

  @Override
  public Integer call() {
    if (roundMs < 1 || roundMs > MAX_ROUND_MS) {
      throw new UsageException("--round-ms: must be 1.." + MAX_ROUND_MS + ", got " + roundMs);
    }
    if (warmupSteps < 0 || warmupSteps > MAX_WARMUP_STEPS) {
      throw new UsageException("--warmup-steps: must be 0.." + MAX_WARMUP_STEPS + ", got " + warmupSteps);
    }
    List<int[]> shapes = new ArrayList<>();
    for (String net : nets) {
      shapes.add(parseShape(net));
    }
    if (probes < 0 || probes > LearnerConfig.MAX_PROBES_PER_LAYER) {
      throw new UsageException("--probes: must be 0.." + LearnerConfig.MAX_PROBES_PER_LAYER + ", got " + probes);
    }
    List<LearnerBenchmark.Variant> variants = new ArrayList<>();
    variants.add(LearnerBenchmark.Variant.of(Rule.NRL));
    if (probes > 0) {
      variants.add(new LearnerBenchmark.Variant("nrl-layer", Rule.NRL, probes, false));
      variants.add(new LearnerBenchmark.Variant("nrl-layer-partitioned", Rule.NRL, probes, true));
    }
    variants.add(LearnerBenchmark.Variant.of(Rule.RMHL));
    variants.add(LearnerBenchmark.Variant.of(Rule.BP));
    List<LearnerBenchmark.Row> rows = new LearnerBenchmark(warmupSteps, roundMs * 1_000_000L)
        .run(shapes, variants);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? toJson(rows) : toTable(rows));
    out.flush();
    return Main.EXIT_OK;
  }

  static int[] parseShape(String text) {
    String[] parts = text.trim().split("-");
    if (parts.length < 2) {
      throw new UsageException("--nets: '" + text + "' is not a shape like 4-64-2");
    }
    int[] sizes = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        sizes[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        throw new UsageException("--nets: '" + text + "' is not a shape like 4-64-2");
      }
    }
    for (Rule rule : RULES) {
      OptionVerdict.of(Map.of("layers", "--nets: '" + text + "'"), "--nets: '" + text + "'",
          () -> LearnerConfig.builder(sizes).rule(rule).form(CreditForm.EPISODIC).build());
    }
    return sizes;
  }

  private static String toJson(List<LearnerBenchmark.Row> rows) {
    StringBuilder s = new StringBuilder("{\"rows\":[");
    for (int i = 0; i < rows.size(); i++) {
      LearnerBenchmark.Row r = rows.get(i);
      s.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
          "{\"net\":\"%s\",\"rule\":\"%s\",\"ns_per_step\":%.1f,\"alloc_bytes_per_step\":%.3f,\"gflops\":%s,\"steps_per_second\":%.0f}",
          r.net(), r.rule(), r.nsPerStep(), r.allocBytesPerStep(),
          Double.isNaN(r.gflops()) ? "null" : String.format(Locale.ROOT, "%.3f", r.gflops()), 1e9 / r.nsPerStep()));
    }
    return s.append("],\"java\":\"").append(Runtime.version()).append("\"}\n").toString();
  }

  private static String toTable(List<LearnerBenchmark.Row> rows) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-14s %-21s %12s %14s %8s%n",
        "net", "rule", "ns/step", "bytes/step", "GFLOP/s"));
    for (LearnerBenchmark.Row r : rows) {
      s.append(String.format(Locale.ROOT, "%-14s %-21s %12.1f %14.3f %8.2f%n",
          r.net(), r.rule(), r.nsPerStep(), r.allocBytesPerStep(), r.gflops()));
    }
    return s.toString();
  }
}
