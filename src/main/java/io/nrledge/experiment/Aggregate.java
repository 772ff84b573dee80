package io.nrledge.experiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation protocol's numbers per setting (task × rule × η × σ), over its seeds: success rate
 * with a 95 % Wilson interval; episodes to solve and final 100-episode mean each as an interquartile
 * mean with a 95 % stratified-bootstrap interval ({@link RobustStatistics}), an unsolved run counted
 * as its whole budget; and how many runs fell in each {@link RunClass}. Environment steps to solve
 * likewise ({@link RunResult#stepsToSolveCensored()}), the basis of compute to solve: steps times the
 * rule's measured cost per step. The bootstrap is seeded, so the same runs always give the same rows.
 */
public final class Aggregate {
  /** Bootstrap resamples per interval. */
  public static final int BOOTSTRAP_REPS = 10_000;
  /** Seed of every bootstrap. */
  public static final long BOOTSTRAP_SEED = 2021_12_06L;

  /**
   * One setting's row; the solved, interval-to-solve and class fields are NaN, −1 or empty for a
   * task without a threshold.
   *
   * @param budget episodes per run (the value an unsolved run counts as)
   */
  public record Row(Task task, Setting setting, int runs, int budget, int solved, Interval successRate,
      Interval episodesToSolve, Interval finalReturn, Map<RunClass, Integer> classes, Interval stepsToSolve) {

    public Row {
      classes = Map.copyOf(classes);
    }

    /** Runs of {@code runClass} (0 when none or without a threshold). */
    public int count(RunClass runClass) {
      return classes.getOrDefault(runClass, 0);
    }

    public boolean hasThreshold() {
      return solved >= 0;
    }
  }

  private Aggregate() {}

  /** One row per setting, in the order the settings first appear in {@code results}. */
  public static List<Row> of(List<RunResult> results) {
    Map<Setting, List<RunResult>> bySetting = new LinkedHashMap<>();
    for (RunResult result : results) {
      bySetting.computeIfAbsent(result.spec().setting(), s -> new ArrayList<>()).add(result);
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Setting, List<RunResult>> group : bySetting.entrySet()) {
      rows.add(row(group.getKey(), group.getValue()));
    }
    return rows;
  }

  private static Row row(Setting setting, List<RunResult> runs) {
    RunResult first = runs.get(0);
    int n = runs.size();
    double[] finals = new double[n];
    for (int i = 0; i < n; i++) {
      finals[i] = runs.get(i).finalMovingAverage();
    }
    Interval finalReturn = RobustStatistics.iqmBootstrap(finals, BOOTSTRAP_REPS, BOOTSTRAP_SEED);
    int budget = first.spec().episodes();
    if (!Double.isFinite(first.threshold())) {
      return new Row(first.spec().task(), setting, n, budget, -1, Interval.NONE, Interval.NONE, finalReturn, Map.of(),
          Interval.NONE);
    }
    double[] toSolve = new double[n];
    double[] stepsToSolve = new double[n];
    int solved = 0;
    Map<RunClass, Integer> classes = new EnumMap<>(RunClass.class);
    for (int i = 0; i < n; i++) {
      RunResult run = runs.get(i);
      toSolve[i] = run.episodesToSolveCensored();
      stepsToSolve[i] = run.stepsToSolveCensored();
      solved += run.solvedAtEpisode() > 0 ? 1 : 0;
      classes.merge(run.runClass(), 1, Integer::sum);
    }
    return new Row(first.spec().task(), setting, n, budget, solved, RobustStatistics.wilson(solved, n),
        RobustStatistics.iqmBootstrap(toSolve, BOOTSTRAP_REPS, BOOTSTRAP_SEED), finalReturn, classes,
        RobustStatistics.iqmBootstrap(stepsToSolve, BOOTSTRAP_REPS, BOOTSTRAP_SEED));
  }
}
