package io.nrledge.experiment;

/**
 * What one run produced. The arrays hold the budget; only the first {@code episodes} entries were run.
 *
 * @param returns sum of rewards per episode (trial)
 * @param steps steps per episode (trial)
 * @param episodes episodes actually run (fewer than the budget when stopped once solved)
 * @param threshold the task's solved threshold (NaN for Reaching)
 */
public record RunResult(RunSpec spec, double[] returns, int[] steps, int episodes, double threshold,
    long totalSteps, double wallSeconds) {

  /** 1-based episode at which the 100-episode moving average first reached the threshold, or −1. */
  public int solvedAtEpisode() {
    return MovingAverage.solvedAt(returns, episodes, MovingAverage.WINDOW, threshold);
  }

  /** What became of the run ({@link RunClass}), or null for a task without a threshold. */
  public RunClass runClass() {
    return RunClass.of(returns, episodes, threshold, spec.task().goalTest());
  }

  /** 1-based first episode that reached the task's goal ({@link Task#goalTest()}), or −1. */
  public int firstGoalEpisode() {
    return RunClass.firstGoalEpisode(returns, episodes, spec.task().goalTest());
  }

  /** 1-based last episode that reached the task's goal, or −1. */
  public int lastGoalEpisode() {
    return RunClass.lastGoalEpisode(returns, episodes, spec.task().goalTest());
  }

  /**
   * Episodes to solve with a failure counted as the whole budget (censored, never dropped), so that
   * statistics over seeds keep every run; NaN for a task without a threshold.
   */
  public double episodesToSolveCensored() {
    if (!Double.isFinite(threshold)) {
      return Double.NaN;
    }
    int solved = solvedAtEpisode();
    return solved > 0 ? solved : spec.episodes();
  }

  /**
   * Environment steps up to and including the episode that solved; a run that did not solve counts
   * as the budget at the longest episode ({@link Task#maxEpisodeSteps()}), more than any solved run
   * can have taken, as {@link #episodesToSolveCensored()} counts it as the budget. NaN for a task
   * without a threshold. Times a rule's cost per step it is the compute spent to solve.
   */
  public double stepsToSolveCensored() {
    if (!Double.isFinite(threshold)) {
      return Double.NaN;
    }
    int solved = solvedAtEpisode();
    if (solved < 0) {
      return (double) spec.episodes() * spec.task().maxEpisodeSteps();
    }
    long sum = 0;
    for (int e = 0; e < solved; e++) {
      sum += steps[e];
    }
    return sum;
  }

  /** Mean return of the last 100 episodes (fewer when the run was shorter). */
  public double finalMovingAverage() {
    return MovingAverage.finalMean(returns, episodes, MovingAverage.WINDOW);
  }

  /** The 100-episode trailing moving average after each episode run. */
  public double[] movingAverage() {
    return MovingAverage.curve(returns, episodes, MovingAverage.WINDOW);
  }

  public double stepsPerSecond() {
    return wallSeconds > 0 ? totalSteps / wallSeconds : Double.NaN;
  }
}
