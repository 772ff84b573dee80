package io.nrledge.telemetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class RewardWindowsTest {

  /** A scripted stream: reward {@code r(t)} at tick t for {@code ticks} ticks. */
  private static RewardWindows run(int buckets, long ticks, LongToDoubleFunction r) {
    RewardWindows w = new RewardWindows(buckets);
    for (long t = 0; t < ticks; t++) {
      double reward = r.applyAsDouble(t);
      if (reward != 0) {
        w.credit(reward);
      }
      w.tickEnded();
    }
    return w;
  }

  @Test
  void shouldGiveExactRatesWhileEveryTickHasItsOwnBucket() {
    RewardWindows w = run(100, 50, t -> t < 10 ? 1.0 : 0.0);

    assertEquals(50, w.ticks());
    assertEquals(1000.0, w.ratePer1000(0, 10), 1e-12);
    assertEquals(0.0, w.ratePer1000(10, 50), 1e-12);
    assertEquals(200.0, w.ratePer1000(0, 50), 1e-12);
  }

  @Test
  void shouldKeepTotalsExactAcrossMergesOfAnyRunLength() {
    // one bump every 7 ticks, one beacon (+5) every 1,000 ticks, for a run that forces many merges
    long ticks = 1_234_567;
    LongToDoubleFunction r = t -> (t % 7 == 0 ? -1.0 : 0.0) + (t % 1000 == 999 ? 5.0 : 0.0);
    RewardWindows w = run(40, ticks, r);
    double expected = 0;
    for (long t = 0; t < ticks; t++) {
      expected += r.applyAsDouble(t);
    }

    assertEquals(ticks, w.ticks());
    assertEquals(1000.0 * expected / ticks, w.ratePer1000(0, ticks), 1e-9);
  }

  @Test
  void shouldSeeARateThatChangesBetweenTheFirstAndLastTenthOfTheRun() {
    // a learner that bumps every tick for the first 30% of the run, then never
    long ticks = 100_000;
    RewardWindows w = run(200, ticks, t -> t < 30_000 ? -1.0 : 0.0);

    double[] deciles = w.windowRates(10);

    assertEquals(-1000.0, deciles[0], 1e-9);
    // the window ending where the rate changes shares one bucket (at most 2/200 of the run) with the next
    assertEquals(-1000.0, deciles[2], 1000.0 * 2 / 200 * 10);
    assertEquals(0.0, deciles[9], 1e-9);
    assertTrue(deciles[3] > -1000.0 && deciles[3] <= 0.0);
  }

  @Test
  void shouldReportNaNForAnEmptyRun() {
    RewardWindows w = new RewardWindows(20);
    assertTrue(Double.isNaN(w.ratePer1000(0, 10)));
    assertArrayEquals(new double[] {Double.NaN, Double.NaN}, w.windowRates(2));
  }
}
