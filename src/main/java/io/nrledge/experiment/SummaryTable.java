package io.nrledge.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The experiment's result per setting (rule, η, σ) as a text table: seeds solved, episodes to
 * solve (median and range over the solved seeds), median final 100-episode moving average across
 * seeds, and steps per second of one thread (the setting's steps over its runs' summed wall time).
 */
public final class SummaryTable {
  /** Columns after the setting, whose width fits the longest label. */
  private static final String COLUMNS = " %6s  %-10s %-13s %11s %10s%n";

  private SummaryTable() {}

  public static String format(List<RunResult> results, boolean labelHyperParameters) {
    Map<Setting, List<RunResult>> bySetting = new LinkedHashMap<>();
    for (RunResult result : results) {
      bySetting.computeIfAbsent(result.spec().setting(), s -> new ArrayList<>()).add(result);
    }
    int width = "setting".length();
    for (Setting setting : bySetting.keySet()) {
      width = Math.max(width, setting.label(labelHyperParameters).length());
    }
    String row = "%-" + width + "s" + COLUMNS;
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, row,
        "setting", "solved", "to solve", "(range)", "final ma100", "steps/s"));
    for (Map.Entry<Setting, List<RunResult>> group : bySetting.entrySet()) {
      table.append(row(row, group.getKey().label(labelHyperParameters), group.getValue()));
    }
    return table.toString();
  }

  private static String row(String format, String label, List<RunResult> runs) {
    boolean hasThreshold = Double.isFinite(runs.get(0).threshold());
    int[] solvedAt = runs.stream().mapToInt(RunResult::solvedAtEpisode).filter(e -> e > 0).sorted().toArray();
    double[] finals = runs.stream().mapToDouble(RunResult::finalMovingAverage).sorted().toArray();
    long steps = runs.stream().mapToLong(RunResult::totalSteps).sum();
    double seconds = runs.stream().mapToDouble(RunResult::wallSeconds).sum();
    String solved = hasThreshold ? solvedAt.length + "/" + runs.size() : "-";
    String median = solvedAt.length == 0 ? "-" : format(SeedBand.median(toDoubles(solvedAt), solvedAt.length));
    String range = solvedAt.length == 0 ? "-" : solvedAt[0] + "-" + solvedAt[solvedAt.length - 1];
    return String.format(Locale.ROOT, format, label, solved, median, range,
        String.format(Locale.ROOT, "%.1f", SeedBand.median(finals, finals.length)),
        seconds > 0 ? String.format(Locale.ROOT, "%.0f", steps / seconds) : "-");
  }

  /**
   * The protocol's table ({@link Aggregate}): per setting the solved share with its 95 % Wilson
   * interval, the IQM of episodes to solve (unsolved runs count as the budget) and of the final
   * 100-episode mean with 95 % bootstrap intervals, the run classes as counts
   * stayed/collapsed/early-lost/reached-unsolved/never, and the IQM of environment steps to solve.
   */
  public static String formatAggregate(List<Aggregate.Row> rows, boolean labelHyperParameters) {
    int width = "setting".length();
    for (Aggregate.Row row : rows) {
      width = Math.max(width, row.setting().label(labelHyperParameters).length());
    }
    String format = "%-" + width + "s %-19s %-22s %-26s %-37s %s%n";
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, format, "setting", "solved [95% CI]",
        "to solve IQM [95% CI]", "final ma100 IQM [95% CI]", "stayed/collapsed/lost/unsolved/never",
        "steps to solve IQM"));
    for (Aggregate.Row row : rows) {
      String solved = "-";
      String toSolve = "-";
      String classes = "-";
      String steps = "-";
      if (row.hasThreshold()) {
        Interval rate = row.successRate();
        solved = String.format(Locale.ROOT, "%d/%d [%.2f,%.2f]", row.solved(), row.runs(), rate.low(), rate.high());
        Interval e = row.episodesToSolve();
        toSolve = String.format(Locale.ROOT, "%.0f [%.0f,%.0f]", e.estimate(), e.low(), e.high());
        StringBuilder c = new StringBuilder();
        for (RunClass runClass : RunClass.values()) {
          c.append(c.isEmpty() ? "" : "/").append(row.count(runClass));
        }
        classes = c.toString();
        steps = String.format(Locale.ROOT, "%.0f", row.stepsToSolve().estimate());
      }
      Interval f = row.finalReturn();
      table.append(String.format(Locale.ROOT, format, row.setting().label(labelHyperParameters), solved, toSolve,
          String.format(Locale.ROOT, "%.1f [%.1f,%.1f]", f.estimate(), f.low(), f.high()), classes, steps));
    }
    return table.toString();
  }

  private static double[] toDoubles(int[] values) {
    return Arrays.stream(values).asDoubleStream().toArray();
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
