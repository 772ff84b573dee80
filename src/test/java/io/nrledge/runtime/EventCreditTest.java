package io.nrledge.runtime;

import static io.nrledge.runtime.LoopFixture.PERIOD_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nrledge.io.EventKind;
import io.nrledge.telemetry.LoopCounter;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCreditTest {

  private static void postFromAnotherThread(EventRing ring, EventKind kind, double value, long timestampNs)
      throws InterruptedException {
    Thread poster = new Thread(() -> ring.post(kind, value, timestampNs), "test-event-source");
    poster.start();
    poster.join();
  }

  @Test
  void shouldCreditEachRewardToTheTickAtWhichItHappened() throws InterruptedException {
    LoopFixture f = new LoopFixture(LoopFixture.settings().build(), 16);
    for (int t = 0; t < 10; t++) {
      f.loop.tick(t * PERIOD_NS);
    }
    // ticks 0..9 have run; these happened during ticks 9, 7 and 2 (the last within its first nanosecond)
    postFromAnotherThread(f.events, EventKind.REWARD, 1.5, 9 * PERIOD_NS + 4_000_000L);
    postFromAnotherThread(f.events, EventKind.REWARD, -2.0, 7 * PERIOD_NS + 9_999_999L);
    postFromAnotherThread(f.events, EventKind.REWARD, 0.25, 2 * PERIOD_NS);

    f.loop.tick(10 * PERIOD_NS);

    assertEquals(List.of(
        new RecordingLearner.Credit(1.5, 1, 11),
        new RecordingLearner.Credit(-2.0, 3, 11),
        new RecordingLearner.Credit(0.25, 8, 11)), f.learner.credits);
    assertEquals(3, f.telemetry.get(LoopCounter.EVENTS));
  }

  @Test
  void shouldCreditRewardsOlderThanTheLearnersHistoryToItsOldestStep() throws InterruptedException {
    LoopFixture f = new LoopFixture(LoopFixture.settings().build(), 4);
    for (int t = 0; t < 10; t++) {
      f.loop.tick(t * PERIOD_NS);
    }
    postFromAnotherThread(f.events, EventKind.REWARD, 1.0, PERIOD_NS);

    f.loop.tick(10 * PERIOD_NS);

    assertEquals(List.of(new RecordingLearner.Credit(1.0, 4, 11)), f.learner.credits);
  }

  @Test
  void shouldEndTheEpisodeOnATerminalEventWithItsReward() throws InterruptedException {
    LoopFixture f = new LoopFixture(LoopFixture.settings().rewards(-1.0, 1.0, 0).build(), 0);
    f.loop.tick(0);
    f.loop.tick(PERIOD_NS);
    postFromAnotherThread(f.events, EventKind.TERMINAL, 0.5, PERIOD_NS + 1);

    f.loop.tick(2 * PERIOD_NS);

    assertEquals(1, f.learner.episodesEnded);
    assertEquals(1, f.board.resets);
    assertEquals(-1.0 - 1.0 - 1.0 + 1.5, f.telemetry.episodes().lastReturn());
  }

  @Test
  void shouldEndTheEpisodeOnATruncationEventWithoutReward() throws InterruptedException {
    LoopFixture f = new LoopFixture(LoopFixture.settings().build(), 0);
    postFromAnotherThread(f.events, EventKind.TRUNCATED, 7.0, 0);

    f.loop.tick(0);

    assertEquals(1, f.learner.episodesEnded);
    assertEquals(0.0, f.telemetry.episodes().lastReturn());
  }

  @Test
  void shouldDiscardEventsArrivingInSafeState() throws InterruptedException {
    LoopFixture f = new LoopFixture(LoopFixture.settings().build(), 16);
    f.board.status = io.nrledge.io.IoStatus.FAILED;
    postFromAnotherThread(f.events, EventKind.REWARD, 1.0, 0);

    f.loop.tick(0);

    assertEquals(List.of(), f.learner.credits);
    assertEquals(1, f.telemetry.get(LoopCounter.EVENTS_DISCARDED));
  }
}
