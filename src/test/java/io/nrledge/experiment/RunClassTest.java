package io.nrledge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RunClassTest {
  private static final RunClass.GoalTest CARTPOLE = Task.CARTPOLE.goalTest();
  private static final RunClass.GoalTest ACROBOT = Task.ACROBOT.goalTest();

  /** Concatenated runs of {@code count} episodes with return {@code value}: count1, value1, count2, value2, … */
  private static double[] returns(double... countValuePairs) {
    int n = 0;
    for (int i = 0; i < countValuePairs.length; i += 2) {
      n += (int) countValuePairs[i];
    }
    double[] out = new double[n];
    int at = 0;
    for (int i = 0; i < countValuePairs.length; i += 2) {
      int count = (int) countValuePairs[i];
      Arrays.fill(out, at, at + count, countValuePairs[i + 1]);
      at += count;
    }
    return out;
  }

  private static RunClass cartPole(double[] r) {
    return RunClass.of(r, r.length, 475, CARTPOLE);
  }

  private static RunClass acrobot(double[] r) {
    return RunClass.of(r, r.length, -100, ACROBOT);
  }

  @Test
  void shouldTellASolvedRunThatStaysFromOneThatCollapses() {
    assertEquals(RunClass.SOLVED_STAYED, cartPole(returns(50, 20, 250, 500)));
    assertEquals(RunClass.SOLVED_COLLAPSED, cartPole(returns(50, 20, 150, 500, 300, 12)), "solved, then a return of 12");
    // The last window averages (99·500 + 12)/100 = 495.1 ≥ 475: one bad episode is no collapse.
    assertEquals(RunClass.SOLVED_STAYED, cartPole(returns(200, 500, 1, 12)));
    // Ends at (60·500 + 40·12)/100 = 304.8: collapsed.
    assertEquals(RunClass.SOLVED_COLLAPSED, cartPole(returns(200, 500, 40, 12)));
  }

  @Test
  void shouldCallARunThatReachedTheGoalEarlyAndNeverAgainEarlyLost() {
    // Acrobot seed 4's pattern: the goal in its first two episodes (−80: swung up), −500 ever after.
    double[] r = returns(2, -80, 1998, -500);
    assertEquals(RunClass.EARLY_LOST, acrobot(r));
    assertEquals(1, RunClass.firstGoalEpisode(r, r.length, ACROBOT));
    assertEquals(2, RunClass.lastGoalEpisode(r, r.length, ACROBOT));
  }

  @Test
  void shouldDrawTheLineBetweenLostAndStillReachingAtTheLastHundredEpisodes() {
    // 300 episodes; the last window is episodes 201–300.
    assertEquals(RunClass.EARLY_LOST, acrobot(returns(199, -500, 1, -300, 100, -500)), "last goal at episode 200");
    assertEquals(RunClass.REACHED_UNSOLVED, acrobot(returns(200, -500, 1, -300, 99, -500)), "last goal at 201");
  }

  @Test
  void shouldCallAnUnsolvedRunStillReachingTheGoalReachedUnsolved() {
    double[] alternating = new double[400];
    for (int e = 0; e < alternating.length; e++) {
      alternating[e] = e % 2 == 0 ? -150 : -500;
    }
    assertEquals(RunClass.REACHED_UNSOLVED, acrobot(alternating), "mean −325, goal every other episode");
    double[] cartPole = new double[300];
    for (int e = 0; e < cartPole.length; e++) {
      cartPole[e] = e % 2 == 0 ? 480 : 300;
    }
    assertEquals(RunClass.REACHED_UNSOLVED, cartPole(cartPole), "CartPole: 480 reaches the goal, the mean 390 does not solve");
  }

  @Test
  void shouldCallARunThatNeverReachedTheGoalNever() {
    assertEquals(RunClass.NEVER, acrobot(returns(2000, -500)));
    assertEquals(RunClass.NEVER, cartPole(returns(500, 474)), "474 every episode: no goal, never solved");
    assertEquals(-1, RunClass.firstGoalEpisode(returns(10, -500), 10, ACROBOT));
  }

  @Test
  void shouldJudgeOnlyTheEpisodesRun() {
    double[] budget = returns(150, 500, 150, 12);
    assertEquals(RunClass.SOLVED_STAYED, RunClass.of(budget, 150, 475, CARTPOLE), "stopped when solved");
    assertEquals(RunClass.SOLVED_COLLAPSED, RunClass.of(budget, 300, 475, CARTPOLE));
  }

  @Test
  void shouldNotClassifyATaskWithoutAThreshold() {
    assertNull(RunClass.of(returns(10, 100), 10, Double.NaN, Task.REACHING.goalTest()));
  }
}
