package io.nrledge.cli;

import io.nrledge.bench.LearnerBenchmark;
import io.nrledge.learner.Rule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench learner}: NRL, RMHL and BP steps timed in one run on several networks. */
@Command(
    name = "learner",
    mixinStandardHelpOptions = true,
    description = "Time NRL, RMHL and BP training steps (ns/step, bytes/step, GFLOP/s) on several networks.")
final class BenchLearnerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Option(names = "--nets", split = ",", paramLabel = "SHAPE",
      description = "Networks as n0-H-…-nA (default: ${DEFAULT-VALUE}).",
      defaultValue = "4-64-2,6-128-3,32-128-128-3")
  List<String> nets;

  @Option(names = "--round-ms", description = "Length of one timed round (default: ${DEFAULT-VALUE} ms).",
      defaultValue = "200")
  int roundMs;

  @Option(names = "--warmup-steps", description = "Untimed steps per rule first (default: ${DEFAULT-VALUE}).",
      defaultValue = "100000")
  long warmupSteps;

  @Override
  public Integer call() {
    if (roundMs < 1 || warmupSteps < 0) {
      throw new UsageException("--round-ms must be ≥ 1 and --warmup-steps ≥ 0");
    }
    List<int[]> shapes = new ArrayList<>();
    for (String net : nets) {
      shapes.add(parseShape(net));
    }
    List<LearnerBenchmark.Row> rows = new LearnerBenchmark(warmupSteps, roundMs * 1_000_000L)
        .run(shapes, List.of(Rule.NRL, Rule.RMHL, Rule.BP));
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
      if (sizes[i] < 1 || sizes[i] > 65_536) {
        throw new UsageException("--nets: layer sizes must be 1..65536 in '" + text + "'");
      }
    }
    if (sizes[sizes.length - 1] < 2) {
      throw new UsageException("--nets: '" + text + "' needs at least 2 actions");
    }
    return sizes;
  }

  private static String toJson(List<LearnerBenchmark.Row> rows) {
    StringBuilder s = new StringBuilder("{\"rows\":[");
    for (int i = 0; i < rows.size(); i++) {
      LearnerBenchmark.Row r = rows.get(i);
      s.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
          "{\"net\":\"%s\",\"rule\":\"%s\",\"ns_per_step\":%.1f,\"alloc_bytes_per_step\":%.3f,\"gflops\":%.3f,\"steps_per_second\":%.0f}",
          r.net(), r.rule(), r.nsPerStep(), r.allocBytesPerStep(), r.gflops(), 1e9 / r.nsPerStep()));
    }
    return s.append("],\"java\":\"").append(Runtime.version()).append("\"}\n").toString();
  }

  private static String toTable(List<LearnerBenchmark.Row> rows) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-14s %-5s %12s %14s %8s%n",
        "net", "rule", "ns/step", "bytes/step", "GFLOP/s"));
    for (LearnerBenchmark.Row r : rows) {
      s.append(String.format(Locale.ROOT, "%-14s %-5s %12.1f %14.3f %8.2f%n",
          r.net(), r.rule(), r.nsPerStep(), r.allocBytesPerStep(), r.gflops()));
    }
    return s.toString();
  }
}
