package io.nrledge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nrledge.learner.NoiseKind;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
  private static final List<RunSpec> SPECS = new ExperimentPlan(Task.CARTPOLE, false, List.of(Method.NRL, Method.BP),
      List.of(1L, 2L, 3L), TaskDefaults.hidden(),
      ExperimentPlan.sameRates(List.of(Method.NRL, Method.BP), List.of(0.01)), List.of(), true, TaskDefaults.PROBES_PER_LAYER, NoiseKind.GAUSSIAN, 300, false).runs();

  /** A run whose returns are {@code before} until episode {@code switchAt} (0-based), then {@code after}. */
  private static RunResult result(RunSpec spec, int episodes, int switchAt, double before, double after, double seconds) {
    double[] returns = new double[300];
    Arrays.fill(returns, 0, switchAt, before);
    Arrays.fill(returns, switchAt, 300, after);
    int[] steps = new int[300];
    long total = 0;
    for (int e = 0; e < episodes; e++) {
      steps[e] = (int) returns[e];
      total += steps[e];
    }
    return new RunResult(spec, returns, steps, episodes, 475, total, seconds);
  }

  @Test
  void shouldReportSolvedSeedsEpisodesToSolveFinalMeanAndThroughputPerSetting() {
    List<RunResult> results = List.of(
        result(SPECS.get(0), 300, 300, 10, 10, 1.0),
        result(SPECS.get(1), 300, 100, 10, 475, 1.0),   // the window is all 475 at episode 200
        result(SPECS.get(2), 300, 150, 10, 475, 2.0),   // solved at 250
        result(SPECS.get(3), 300, 50, 10, 475, 1.0),    // solved at 150
        result(SPECS.get(4), 300, 60, 10, 475, 1.0),    // solved at 160
        result(SPECS.get(5), 300, 200, 10, 475, 1.0));  // solved at 300

    List<String> lines = SummaryTable.format(results, false).lines().toList();

    assertEquals(3, lines.size());
    assertEquals(List.of("setting", "solved", "to", "solve", "(range)", "final", "ma100", "steps/s"), words(lines.get(0)));
    long nrlSteps = 300 * 10 + (100 * 10 + 200 * 475) + (150 * 10 + 150 * 475);
    assertEquals(List.of("nrl", "2/3", "225", "200-250", "475.0", Long.toString(Math.round(nrlSteps / 4.0))),
        words(lines.get(1)));
    long bpSteps = (50 * 10 + 250 * 475) + (60 * 10 + 240 * 475) + (200 * 10 + 100 * 475);
    assertEquals(List.of("bp", "3/3", "160", "150-300", "475.0", Long.toString(Math.round(bpSteps / 3.0))),
        words(lines.get(2)));
  }

  @Test
  void shouldLabelSettingsWithTheirHyperParametersInAGrid() {
    List<String> lines = SummaryTable.format(List.of(result(SPECS.get(0), 300, 300, 10, 10, 1.0)), true).lines().toList();

    assertEquals(List.of("nrl", "lr", "0.01", "sigma", "0.001", "0/1", "-", "-", "10.0", "3000"), words(lines.get(1)));
  }

  private static List<String> words(String line) {
    return List.of(line.trim().split("\\s+"));
  }
}
