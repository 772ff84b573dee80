package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeBudgetTest {
  /** A fake machine: a tick costs 2 µs plus 0.5 µs per probe; it remembers every K it was asked to time. */
  private static final class LinearTimer implements ProbeBudget.TickTimer {
    final List<Integer> timed = new ArrayList<>();

    @Override
    public double nsPerTick(int probesPerLayer) {
      timed.add(probesPerLayer);
      return 2_000 + 500.0 * probesPerLayer;
    }
  }

  @Test
  void shouldChooseTheLargestProbeCountWhoseTickFitsTheBudget() {
    LinearTimer timer = new LinearTimer();

    ProbeBudget.Choice c = ProbeBudget.choose(13_000, 1024, timer); // 22 probes: 13.0 µs, 23: 13.5 µs

    assertEquals(22, c.probesPerLayer());
    assertEquals(13_000, c.nsPerTick(), 1e-9);
    assertEquals(13_000, c.budgetNs());
    assertTrue(timer.timed.contains(23), "the next K up must have been timed and refused: " + timer.timed);
    assertTrue(timer.timed.size() <= 12, "doubling then bisecting needs few timings, took " + timer.timed);
  }

  @Test
  void shouldAcceptATickExactlyAtTheBudget() {
    assertEquals(16, ProbeBudget.choose(10_000, 1024, new LinearTimer()).probesPerLayer());
  }

  @Test
  void shouldStopAtTheLearnersLimitWhenTheBudgetIsGenerous() {
    ProbeBudget.Choice c = ProbeBudget.choose(1_000_000_000L, 1024, new LinearTimer());

    assertEquals(1024, c.probesPerLayer());
  }

  @Test
  void shouldReportThatNothingFitsWhenOneProbeExceedsTheBudget() {
    ProbeBudget.Choice c = ProbeBudget.choose(2_400, 1024, new LinearTimer());

    assertFalse(c.fits());
    assertEquals(0, c.probesPerLayer());
    assertEquals(2_500, c.nsPerTick(), 1e-9);
  }

  @Test
  void shouldTimeProbeCountsInIncreasingOrderUntilOneIsOver() {
    LinearTimer timer = new LinearTimer();

    ProbeBudget.choose(13_000, 1024, timer);

    assertEquals(List.of(1, 2, 4, 8, 16, 32), timer.timed.subList(0, 6));
  }
}
