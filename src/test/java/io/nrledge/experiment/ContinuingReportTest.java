package io.nrledge.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContinuingReportTest {
  /** 72,000 ticks per hour (50 ms); 10 windows over 10 hours. */
  private static ContinuingRun run(String group, long seed, double[] rates, double[] gains) {
    return new ContinuingRun(group, seed, rates[0], rates[rates.length - 1], rates, gains, 72_000, 10, 1.0);
  }

  private static double[] constant(double v) {
    double[] a = new double[10];
    java.util.Arrays.fill(a, v);
    return a;
  }

  @Test
  void shouldReadASummaryAndConvertWindowsToEventsPerHour() {
    Map<String, Object> summary = Map.of("seed", 7, "ticks", 720_000, "period_us", 50_000.0,
        "reward_rate_first_window", -2.0, "reward_rate_last_window", 0.5,
        "reward_rate_windows", List.of(-2.0, 0.5), "reward_gain_windows", List.of(0.0, 1.0));

    ContinuingRun r = ContinuingRun.of("g", summary);

    assertEquals(10.0, r.hours(), 1e-12);
    assertEquals(0.0, r.gainPerHour(0), 1e-12);
    assertEquals(144.0, r.lossPerHour(0), 1e-12); // 2 per 1,000 ticks at 72,000 ticks/h
    assertEquals(72.0, r.gainPerHour(1), 1e-12);
    assertEquals(36.0, r.lossPerHour(1), 1e-12);
  }

  @Test
  void shouldCountSeedsAboveTheBaselineAndFindWhenTheGroupPassesItForGood() {
    List<ContinuingRun> runs = new ArrayList<>();
    for (long seed = 1; seed <= 8; seed++) {
      runs.add(run("random", seed, constant(-100 - seed), null));
      // learns from window 3 on: far below random in windows 0-2, far above after
      double[] learner = constant(1 + 0.1 * seed);
      learner[0] = learner[1] = learner[2] = -500 - seed;
      if (seed == 8) {
        learner[9] = -200; // one seed ends below random
      }
      runs.add(run("learner", seed, learner, null));
    }

    ContinuingReport report = new ContinuingReport(runs, "random");

    assertArrayEquals(new int[] {7, 8}, report.seedsAboveBaseline("learner"));
    // windows 3..9 (hour 4 is the end of window 3) have the learner's whole interval above random's
    assertEquals(4.0, report.hoursToPassBaseline("learner"), 1e-12);
    assertTrue(Double.isNaN(report.hoursToPassBaseline("random")));
    String table = report.markdown("beacons", "bumps");
    assertTrue(table.contains("| learner | 8 | "), table);
    assertTrue(table.contains("| 4.0 h |"), table);
  }

  @Test
  void shouldNotPassABaselineItFallsBackBelowInTheLastWindow() {
    List<ContinuingRun> runs = new ArrayList<>();
    for (long seed = 1; seed <= 8; seed++) {
      runs.add(run("random", seed, constant(-1), null));
      double[] learner = constant(5);
      learner[9] = -3;
      runs.add(run("learner", seed, learner, null));
    }

    assertTrue(Double.isNaN(new ContinuingReport(runs, "random").hoursToPassBaseline("learner")));
  }
}
