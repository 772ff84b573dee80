package io.nrledge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.io.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class EventRingTest {

  @Test
  void shouldDeliverEventsInOrderWithTheirFields() {
    EventRing ring = new EventRing(4);
    ring.post(EventKind.REWARD, 1.5, 10);
    ring.post(EventKind.TERMINAL, 0, 20);
    List<String> seen = new ArrayList<>();

    int n = ring.drain((kind, value, ts) -> seen.add(kind + " " + value + " " + ts));

    assertEquals(2, n);
    assertEquals(List.of("REWARD 1.5 10", "TERMINAL 0.0 20"), seen);
    assertEquals(0, ring.drain((kind, value, ts) -> seen.add("again")));
  }

  @Test
  void shouldDropAndCountEventsWhenFullWithoutBlocking() {
    EventRing ring = new EventRing(4);
    for (int i = 0; i < 4; i++) {
      assertTrue(ring.post(EventKind.REWARD, i, i));
    }

    assertFalse(ring.post(EventKind.REWARD, 4, 4));
    assertEquals(1, ring.drops());

    ring.drain((kind, value, ts) -> {});
    assertTrue(ring.post(EventKind.REWARD, 5, 5), "slots are reused after a drain");
  }

  @Test
  void shouldRejectCapacitiesThatAreNotPowersOfTwo() {
    assertThrows(IllegalArgumentException.class, () -> new EventRing(12));
  }

  @Test
  void shouldDeliverEveryEventFromConcurrentProducersExactlyOnceInPerProducerOrder() throws InterruptedException {
    final int producers = 3;
    final int perProducer = 200_000;
    EventRing ring = new EventRing(1024);
    AtomicBoolean go = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      final int id = p;
      Thread t = new Thread(() -> {
        while (!go.get()) {
          Thread.onSpinWait();
        }
        for (int i = 0; i < perProducer; i++) {
          while (!ring.post(EventKind.REWARD, id, i)) {
            Thread.onSpinWait();
          }
        }
      });
      threads.add(t);
      t.start();
    }
    long[] next = new long[producers];
    long[] received = {0};
    boolean[] outOfOrder = {false};
    go.set(true);
    while (received[0] < (long) producers * perProducer) {
      ring.drain((kind, value, ts) -> {
        int id = (int) value;
        if (ts != next[id]) {
          outOfOrder[0] = true;
        }
        next[id] = ts + 1;
        received[0]++;
      });
    }
    for (Thread t : threads) {
      t.join();
    }

    assertFalse(outOfOrder[0]);
    for (long n : next) {
      assertEquals(perProducer, n);
    }
    assertEquals(0, ring.drain((kind, value, ts) -> received[0]++));
  }
}
