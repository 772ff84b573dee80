package io.nrledge.cli;

import io.nrledge.experiment.ContinuingReport;
import io.nrledge.experiment.ContinuingRun;
import io.nrledge.experiment.RatePlot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code continuing-report DIR}: reads the {@code run --summary-json} files of continuing runs laid
 * out as {@code DIR/GROUP/*.json} (one group per rule or setting, one file per seed) and prints a
 * markdown table comparing the groups, optionally with a PNG of reward rate against simulated time.
 * A step of docs/rover.sh and docs/rover-tune.sh, hidden from the usage.
 */
@Command(name = "continuing-report", hidden = true, mixinStandardHelpOptions = true,
    description = "Compare groups of continuing runs (DIR/GROUP/*.json from run --summary-json) in a markdown table.")
final class ContinuingReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder with one sub-folder of summary JSONs per group.")
  Path dir;

  @Option(names = "--groups", paramLabel = "A,B", split = ",",
      description = "Groups in this order (default: every sub-folder, by name).")
  List<String> order;

  @Option(names = "--baseline", paramLabel = "GROUP", description = "Group compared with per seed (e.g. random).")
  String baseline;

  @Option(names = "--plot", paramLabel = "FILE", description = "Also write a PNG of reward rate against simulated time.")
  Path plot;

  @Option(names = "--off-scale", paramLabel = "GROUP", description = "Group the plot's reward axis is not fitted to.")
  String offScale;

  @Option(names = "--gain", defaultValue = "gain", paramLabel = "NAME", description = "Name of the positive rewards (beacons).")
  String gain;

  @Option(names = "--loss", defaultValue = "loss", paramLabel = "NAME", description = "Name of the negative rewards (bumps).")
  String loss;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new UsageException(dir + ": not a folder");
    }
    List<String> groups = order != null ? order : subFolders();
    List<ContinuingRun> runs = new ArrayList<>();
    Load json = new Load(LoadSettings.builder().build());
    for (String group : groups) {
      Path folder = dir.resolve(group);
      if (!Files.isDirectory(folder)) {
        throw new UsageException("--groups: " + folder + ": not a folder");
      }
      for (Path file : jsonFiles(folder)) {
        try {
          if (!(json.loadFromString(Files.readString(file, StandardCharsets.UTF_8)) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("not a JSON object");
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> summary = (Map<String, Object>) m;
          runs.add(ContinuingRun.of(group, summary));
        } catch (RuntimeException e) {
          throw new UsageException(file + ": " + e.getMessage());
        }
      }
    }
    if (runs.isEmpty()) {
      throw new UsageException(dir + ": no summary JSONs in " + groups);
    }
    ContinuingReport report;
    try {
      report = new ContinuingReport(runs, baseline);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--baseline: " + e.getMessage());
    }
    spec.commandLine().getOut().print(report.markdown(gain, loss));
    spec.commandLine().getOut().flush();
    if (plot != null) {
      RatePlot.writePng(plot, "Reward rate and " + gain + " against simulated time: IQM across seeds, 95 % bootstrap band",
          report.groups(), offScale, gain);
    }
    return Main.EXIT_OK;
  }

  private List<String> subFolders() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Path> jsonFiles(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      Path[] files = s.filter(p -> p.toString().endsWith(".json")).toArray(Path[]::new);
      Arrays.sort(files);
      return List.of(files);
    }
  }
}
