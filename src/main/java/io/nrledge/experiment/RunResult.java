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
