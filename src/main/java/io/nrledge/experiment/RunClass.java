package io.nrledge.experiment;

import java.util.Locale;

/**
 * What became of one run, judged over its whole budget (with {@code --stop-when-solved} a solved
 * run ends at once, so it can only be {@link #SOLVED_STAYED}). A "goal episode" is one whose return
 * reached the goal ({@link Task#reachedGoal}); "solved" means the 100-episode moving average reached
 * the task's threshold.
 *
 * <ul>
 *   <li>{@link #SOLVED_STAYED}: solved, and the final 100-episode mean is still ≥ the threshold;
 *   <li>{@link #SOLVED_COLLAPSED}: solved, and the final 100-episode mean is below it;
 *   <li>{@link #EARLY_LOST}: never solved; had goal episodes, but none in its last 100 episodes
 *       (it reached the goal, then lost it: summary.csv's first and last goal episode say when);
 *   <li>{@link #REACHED_UNSOLVED}: never solved; still has goal episodes in its last 100 episodes
 *       (learning, or stuck part-way, when the budget ran out);
 *   <li>{@link #NEVER}: never solved and never had a goal episode.
 * </ul>
 *
 * The classes are exhaustive and disjoint for a task with a threshold; Reaching has none.
 */
public enum RunClass {
  SOLVED_STAYED,
  SOLVED_COLLAPSED,
  EARLY_LOST,
  REACHED_UNSOLVED,
  NEVER;

  /** "solved_stayed" and so on: the CSV name. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The class of a run with {@code returns[0 … episodes−1]}, or null when the task has no threshold.
   *
   * @param goal which single episodes reached the goal
   */
  public static RunClass of(double[] returns, int episodes, double threshold, GoalTest goal) {
    if (!Double.isFinite(threshold)) {
      return null;
    }
    int window = MovingAverage.WINDOW;
    if (MovingAverage.solvedAt(returns, episodes, window, threshold) > 0) {
      return MovingAverage.finalMean(returns, episodes, window) >= threshold ? SOLVED_STAYED : SOLVED_COLLAPSED;
    }
    int last = lastGoalEpisode(returns, episodes, goal);
    if (last < 0) {
      return NEVER;
    }
    return last > episodes - window ? REACHED_UNSOLVED : EARLY_LOST;
  }

  /** 1-based episode of the first goal episode, or −1. */
  public static int firstGoalEpisode(double[] returns, int episodes, GoalTest goal) {
    for (int e = 0; e < episodes; e++) {
      if (goal.reached(returns[e])) {
        return e + 1;
      }
    }
    return -1;
  }

  /** 1-based episode of the last goal episode, or −1. */
  public static int lastGoalEpisode(double[] returns, int episodes, GoalTest goal) {
    for (int e = episodes - 1; e >= 0; e--) {
      if (goal.reached(returns[e])) {
        return e + 1;
      }
    }
    return -1;
  }

  /** Whether one episode's return reached the task's goal. */
  @FunctionalInterface
  public interface GoalTest {
    boolean reached(double episodeReturn);
  }
}
