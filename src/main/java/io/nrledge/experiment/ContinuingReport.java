package io.nrledge.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares groups of continuing runs (one rule or setting each, one run per seed) as a markdown
 * table: per group the interquartile mean across seeds, with its 95 % stratified-bootstrap
 * interval, of the reward rate in the first and last window and of the positive and negative
 * rewards per simulated hour in the last window; how many seeds ended above their own start and
 * above the baseline group (same seed); and when the group's rate passed the baseline's clearly
 * (its interval above the baseline's from that window on). Deterministic; never used on a control
 * thread.
 */
public final class ContinuingReport {
  public static final int BOOTSTRAP_REPS = 2000;
  private static final long BOOTSTRAP_SEED = 0xB0075L;

  private final Map<String, List<ContinuingRun>> groups = new LinkedHashMap<>();
  private final String baseline;

  /** {@code baseline}: the group others are compared with per seed (e.g. random), or null. */
  public ContinuingReport(List<ContinuingRun> runs, String baseline) {
    for (ContinuingRun run : runs) {
      groups.computeIfAbsent(run.group(), g -> new ArrayList<>()).add(run);
    }
    if (baseline != null && !groups.containsKey(baseline)) {
      throw new IllegalArgumentException("no runs in the baseline group '" + baseline + "'");
    }
    this.baseline = baseline;
  }

  public Map<String, List<ContinuingRun>> groups() {
    return groups;
  }

  /** IQM across seeds of window {@code w} of a per-run figure, with its 95 % bootstrap interval. */
  public static Interval acrossSeeds(List<ContinuingRun> runs, java.util.function.ToDoubleFunction<ContinuingRun> f) {
    double[] v = runs.stream().mapToDouble(f).toArray();
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return Interval.NONE;
      }
    }
    return RobustStatistics.iqmBootstrap(v, BOOTSTRAP_REPS, BOOTSTRAP_SEED);
  }

  /** Mean across seeds (what tuning ranks by: every seed counts in full). */
  public static double mean(List<ContinuingRun> runs, java.util.function.ToDoubleFunction<ContinuingRun> f) {
    return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
  }

  /**
   * The end, in simulated hours, of the first window from which on the group's IQM interval of the
   * reward rate lies wholly above the baseline's; NaN if it never does (or there is no baseline).
   */
  public double hoursToPassBaseline(String group) {
    if (baseline == null || group.equals(baseline)) {
      return Double.NaN;
    }
    List<ContinuingRun> runs = groups.get(group);
    List<ContinuingRun> base = groups.get(baseline);
    int windows = runs.get(0).windows();
    int from = -1;
    for (int w = windows - 1; w >= 0; w--) {
      int i = w;
      Interval mine = acrossSeeds(runs, r -> r.rateWindows()[i]);
      Interval theirs = acrossSeeds(base, r -> r.rateWindows()[i]);
      if (!(mine.low() > theirs.high())) {
        break;
      }
      from = w;
    }
    return from < 0 ? Double.NaN : runs.get(0).hours() * (from + 1) / windows;
  }

  /** Seeds on which the group's last window beat the baseline run's last window on the same seed, out of the seeds both have. */
  public int[] seedsAboveBaseline(String group) {
    if (baseline == null) {
      return new int[] {0, 0};
    }
    Map<Long, Double> base = new LinkedHashMap<>();
    groups.get(baseline).forEach(r -> base.put(r.seed(), r.rateLast()));
    int above = 0;
    int both = 0;
    for (ContinuingRun r : groups.get(group)) {
      Double b = base.get(r.seed());
      if (b != null) {
        both++;
        above += r.rateLast() > b ? 1 : 0;
      }
    }
    return new int[] {above, both};
  }

  /** The markdown table; {@code gain} and {@code loss} name the positive and negative rewards (beacons, bumps). */
  public String markdown(String gain, String loss) {
    StringBuilder s = new StringBuilder();
    s.append("| group | seeds | reward/1k ticks, first 10 % | reward/1k ticks, last 10 % | mean of last 10 % | ")
        .append(gain).append("/h, last 10 % | ").append(loss).append("/h, last 10 % | ")
        .append(gain).append("/h, whole run | last > first | last > ").append(baseline == null ? "baseline" : baseline)
        .append(" | passes ").append(baseline == null ? "baseline" : baseline).append(" clearly from | wall s (median) |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, List<ContinuingRun>> g : groups.entrySet()) {
      List<ContinuingRun> runs = g.getValue();
      int last = runs.get(0).windows() - 1;
      long improved = runs.stream().filter(r -> r.rateLast() > r.rateFirst()).count();
      int[] above = seedsAboveBaseline(g.getKey());
      double passes = hoursToPassBaseline(g.getKey());
      s.append("| ").append(g.getKey()).append(" | ").append(runs.size())
          .append(" | ").append(format(acrossSeeds(runs, ContinuingRun::rateFirst), 2))
          .append(" | ").append(format(acrossSeeds(runs, ContinuingRun::rateLast), 2))
          .append(" | ").append(String.format(Locale.ROOT, "%.3f", mean(runs, ContinuingRun::rateLast)))
          .append(" | ").append(format(acrossSeeds(runs, r -> r.gainPerHour(last)), 1))
          .append(" | ").append(format(acrossSeeds(runs, r -> r.lossPerHour(last)), 1))
          .append(" | ").append(format(acrossSeeds(runs, ContinuingReport::wholeRunGainPerHour), 1))
          .append(" | ").append(improved).append("/").append(runs.size())
          .append(" | ").append(baseline == null || g.getKey().equals(baseline) ? "–" : above[0] + "/" + above[1])
          .append(" | ").append(Double.isNaN(passes) ? "–" : String.format(Locale.ROOT, "%.1f h", passes))
          .append(" | ").append(String.format(Locale.ROOT, "%.1f", median(runs, ContinuingRun::wallSeconds)))
          .append(" |\n");
    }
    return s.toString();
  }

  private static double median(List<ContinuingRun> runs, java.util.function.ToDoubleFunction<ContinuingRun> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    return SeedBand.median(v, v.length);
  }

  private static double wholeRunGainPerHour(ContinuingRun r) {
    double sum = 0;
    for (int w = 0; w < r.windows(); w++) {
      sum += r.gainPerHour(w);
    }
    return sum / r.windows();
  }

  /** "1.23 [0.98, 1.50]", or "–" for no estimate. */
  static String format(Interval i, int decimals) {
    if (Double.isNaN(i.estimate())) {
      return "–";
    }
    String f = "%." + decimals + "f";
    return String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", i.estimate(), i.low(), i.high());
  }
}
