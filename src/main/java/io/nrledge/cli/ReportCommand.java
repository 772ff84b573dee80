package io.nrledge.cli;

import io.nrledge.report.RunPlots;
import io.nrledge.report.RunTelemetry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report RUN_DIR}: reads a run folder's telemetry and draws its four plots (PNG, into the
 * folder or {@code --out}), then prints a short summary. A folder without telemetry is exit 2; a
 * file that is not MCAP exit 1; a file cut short (power loss, a run still going) is reported and
 * what it holds up to the cut is used.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {"Draw a run folder's telemetry as PNG plots (learning curve, reward over time, loop lateness,",
        "faults over time) and print a short summary."},
    footer = {"", "Exit codes: 0 done (also when a file was cut short: what it holds is used); 1 a file cannot be",
        "read or is not MCAP; 2 bad options, or RUN_DIR is not a run folder."})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", description = "A run folder written by 'run' (holds telemetry-*.mcap).")
  Path runDir;

  @Option(names = "--out", paramLabel = "DIR", description = "Write the PNGs here (created if missing); default: RUN_DIR.")
  Path out;

  @Override
  public Integer call() throws Exception {
    RunTelemetry t;
    try {
      t = RunTelemetry.read(runDir);
    } catch (IllegalArgumentException e) {
      throw new UsageException("report: " + e.getMessage());
    } catch (IOException e) {
      spec.commandLine().getErr().println("nrl-edge: report: " + e.getMessage());
      return Main.EXIT_RUNTIME_FAILURE;
    }
    Path folder = out != null ? out : runDir;
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UsageException((out != null ? "--out" : "RUN_DIR") + ": cannot create '" + folder + "': " + e.getMessage());
    }
    RunPlots.write(t, folder);
    PrintWriter w = spec.commandLine().getOut();
    w.print(summary(t, folder));
    w.flush();
    return Main.EXIT_OK;
  }

  static String summary(RunTelemetry t, Path folder) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s (%s, %s): %d ticks, %d episodes in %d telemetry file(s)%n",
        t.run().getOrDefault("profile", "?"), t.run().getOrDefault("mode", "?"), t.run().getOrDefault("time", "?"),
        t.ticks(), t.episodes().size(), t.files()));
    int window = Integer.parseInt(t.run().getOrDefault("average_window", "100"));
    double best = t.bestMovingAverage(window);
    if (!t.episodes().isEmpty()) {
      b.append(String.format(Locale.ROOT, "  best moving average over %d episodes: %s%n", window,
          Double.isNaN(best) ? "n/a (window never filled)" : String.format(Locale.ROOT, "%.1f", best)));
    }
    b.append("  faults: ").append(t.faults().size());
    t.faultsByKind().forEach((k, n) -> b.append(", ").append(k).append(' ').append(n));
    b.append(String.format(Locale.ROOT, "%n  dropped records: %d%n", t.dropped()));
    b.append(String.format(Locale.ROOT, "  loop lateness p50 %.1f us, p99 %.1f us, max %.1f us%n",
        t.latenessNs().getValueAtPercentile(50) / 1e3, t.latenessNs().getValueAtPercentile(99) / 1e3,
        t.latenessNs().getMaxValue() / 1e3));
    for (String cut : t.incompleteFiles()) {
      b.append("  cut short: ").append(cut).append(System.lineSeparator());
    }
    b.append("  plots: ");
    b.append(String.join(", ", RunPlots.FILES.stream().map(f -> folder.resolve(f).toString()).toList()));
    b.append(System.lineSeparator());
    return b.toString();
  }
}
