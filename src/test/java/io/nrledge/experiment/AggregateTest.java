package io.nrledge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.learner.NoiseKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregateTest {
  private static final int BUDGET = 300;
  private static final List<RunSpec> SPECS = new ExperimentPlan(Task.CARTPOLE, false, List.of(Method.NRL, Method.BP),
      List.of(1L, 2L, 3L, 4L), TaskDefaults.hidden(),
      ExperimentPlan.sameRates(List.of(Method.NRL, Method.BP), List.of(0.01)), List.of(), true,
      TaskDefaults.PROBES_PER_LAYER, NoiseKind.GAUSSIAN, BUDGET, false).runs();

  @TempDir Path tmp;

  /**
   * A full-budget run: returns {@code before} until episode {@code switchAt} (0-based), then {@code after};
   * an episode with a return of 475 or more took 500 steps, any other 10.
   */
  private static RunResult run(RunSpec spec, int switchAt, double before, double after) {
    double[] returns = new double[BUDGET];
    Arrays.fill(returns, 0, switchAt, before);
    Arrays.fill(returns, switchAt, BUDGET, after);
    int[] steps = new int[BUDGET];
    for (int e = 0; e < BUDGET; e++) {
      steps[e] = returns[e] >= 475 ? 500 : 10;
    }
    return new RunResult(spec, returns, steps, BUDGET, 475, 0, 1.0);
  }

  private static List<RunResult> results() {
    return List.of(
        run(SPECS.get(0), 50, 10, 475),    // nrl: solved at 150 (the first window all 475), stays
        run(SPECS.get(1), 100, 10, 475),   // solved at 200, stays
        run(SPECS.get(2), 150, 10, 475),   // solved at 250, stays
        run(SPECS.get(3), 300, 10, 10),    // never: counts as the budget, 300
        run(SPECS.get(4), 200, 500, 12),   // bp: solved at 100, collapses to 12 from episode 201
        run(SPECS.get(5), 0, 500, 500),
        run(SPECS.get(6), 0, 500, 500),
        run(SPECS.get(7), 0, 500, 500));
  }

  @Test
  void shouldCountUnsolvedRunsAsTheBudgetInTheInterquartileMean() {
    Aggregate.Row nrl = Aggregate.of(results()).get(0);

    assertEquals(Method.NRL, nrl.setting().method());
    assertEquals(4, nrl.runs());
    assertEquals(3, nrl.solved());
    // Episodes to solve {150, 200, 250, 300}: the IQM drops one at each end, (200 + 250) / 2.
    assertEquals(225.0, nrl.episodesToSolve().estimate(), 1e-12);
    assertTrue(nrl.episodesToSolve().contains(225.0));
    assertTrue(nrl.episodesToSolve().high() <= BUDGET && nrl.episodesToSolve().low() >= 150);
    // Finals {475, 475, 475, 10}: IQM (475 + 475) / 2.
    assertEquals(475.0, nrl.finalReturn().estimate(), 1e-12);
    // Steps to solve: 10 per episode before the switch, 500 after, up to the solving episode, and an
    // unsolved run as the budget at 500 steps (though it ran 3,000 short ones):
    // {50·10 + 100·500, 100·10 + 100·500, 150·10 + 100·500, 300·500} = {50,500, 51,000, 51,500, 150,000}.
    assertEquals((51_000.0 + 51_500.0) / 2, nrl.stepsToSolve().estimate(), 1e-9);
    assertTrue(SummaryTable.formatAggregate(List.of(nrl), false).lines().skip(1).findFirst().orElseThrow()
        .endsWith(" 51250"), "the console table's last column");
    assertEquals(RobustStatistics.wilson(3, 4), nrl.successRate());
    assertEquals(3, nrl.count(RunClass.SOLVED_STAYED));
    assertEquals(1, nrl.count(RunClass.NEVER));
  }

  @Test
  void shouldWriteOneDeterministicRowPerSetting() throws IOException {
    Path first = tmp.resolve("a.csv");
    Path second = tmp.resolve("b.csv");
    ResultFiles.writeAggregate(first, Aggregate.of(results()));
    ResultFiles.writeAggregate(second, Aggregate.of(results()));

    List<String> lines = Files.readAllLines(first);
    assertEquals(lines, Files.readAllLines(second));
    assertEquals(ResultFiles.AGGREGATE_HEADER, lines.get(0));
    assertEquals(3, lines.size());
    String[] bp = lines.get(2).split(",", -1);
    assertEquals(List.of("cartpole", "bp", "0.01", "", "4", "300", "4", "1.0000"), List.of(bp).subList(0, 8));
    // bp solved at 100 on every seed, so the interval collapses onto 100; one seed ends at 12.
    assertEquals(List.of("100.00", "100.00", "100.00"), List.of(bp).subList(10, 13));
    assertEquals(List.of("3", "1", "0", "0", "0"), List.of(bp).subList(16, 21), "stayed, collapsed, lost, unsolved, never");
    // bp solved at 100 with 500 steps per episode: 50,000 steps on every seed
    assertEquals(List.of("50000", "50000", "50000"), List.of(bp).subList(21, 24));
  }

  @Test
  void shouldLeaveTheThresholdFieldsOfATaskWithoutOneEmpty() throws IOException {
    RunSpec spec = new ExperimentPlan(Task.REACHING, false, List.of(Method.BP), List.of(1L, 2L), TaskDefaults.hidden(),
        ExperimentPlan.sameRates(List.of(Method.BP), List.of(0.01)), List.of(), false,
        TaskDefaults.PROBES_PER_LAYER, NoiseKind.GAUSSIAN, 10, false).runs().get(0);
    double[] returns = {50, 60, 70, 80, 90, 100, 110, 120, 130, 140};
    RunResult reaching = new RunResult(spec, returns, new int[10], 10, Double.NaN, 0, 1.0);
    Path file = tmp.resolve("reaching.csv");
    ResultFiles.writeAggregate(file, Aggregate.of(List.of(reaching)));

    String[] row = Files.readAllLines(file).get(1).split(",", -1);
    assertEquals(ResultFiles.AGGREGATE_HEADER.split(",").length, row.length);
    assertEquals(List.of("reaching", "bp", "0.01", "", "1", "10", ""), List.of(row).subList(0, 7));
    assertEquals(List.of("95.00", "95.00", "95.00"), List.of(row).subList(13, 16), "one run: its final mean");
    assertEquals(List.of("", "", "", "", "", "", "", ""), List.of(row).subList(16, 24));
  }
}
