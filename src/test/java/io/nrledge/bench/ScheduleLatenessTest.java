package io.nrledge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nrledge.runtime.IdleStrategy;
import java.util.ArrayDeque;
import java.util.Deque;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ScheduleLatenessTest {
  private static final long PERIOD_NS = 1000;

  /** Wakes at scripted times. */
  private static IdleStrategy wakingAt(long... nowNs) {
    Deque<Long> times = new ArrayDeque<>();
    for (long t : nowNs) {
      times.add(t);
    }
    return new IdleStrategy() {
      @Override
      public long awaitDeadline(long deadlineNs) {
        return times.remove();
      }

      @Override
      public String name() {
        return "scripted";
      }
    };
  }

  @Test
  void shouldCountEachSkippedPeriodAsTheLatenessItCaused() {
    Histogram h = new Histogram(1, 1_000_000, 3);
    ScheduleLateness idle = new ScheduleLateness(wakingAt(10, 1020, 4005), PERIOD_NS, h, 1_000_000);

    idle.awaitDeadline(0);
    idle.awaitDeadline(1000);
    idle.awaitDeadline(4000); // the loop skipped the periods due at 2000 and 3000

    assertEquals(5, h.getTotalCount());
    assertEquals(1, h.getCountAtValue(10));
    assertEquals(1, h.getCountAtValue(20));
    assertEquals(1, h.getCountAtValue(2005));
    assertEquals(1, h.getCountAtValue(1005));
    assertEquals(1, h.getCountAtValue(5));
  }

  @Test
  void shouldStartAFreshScheduleEachRound() {
    Histogram h = new Histogram(1, 1_000_000, 3);
    ScheduleLateness idle = new ScheduleLateness(wakingAt(0, 500_007), PERIOD_NS, h, 1_000_000);

    idle.awaitDeadline(0);
    idle.newRound();
    idle.awaitDeadline(500_000);

    assertEquals(2, h.getTotalCount());
    assertEquals(1, h.getCountAtValue(7));
  }

  @Test
  void shouldRecordAnEarlyWakeAsZeroAndCapTheRest() {
    Histogram h = new Histogram(1, 1_000_000, 3);
    ScheduleLateness idle = new ScheduleLateness(wakingAt(-3, 5_000_000), PERIOD_NS, h, 1_000_000);

    idle.awaitDeadline(0);
    idle.newRound();
    idle.awaitDeadline(1000);

    assertEquals(1, h.getCountAtValue(0));
    assertEquals(1_000_000, h.getMaxValue(), 1_000_000 / 1000.0);
  }
}
