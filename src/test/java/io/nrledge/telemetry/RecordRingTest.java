package io.nrledge.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.testing.AllocationWindows;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecordRingTest {
  private static final int WIDTH = 6;

  /** Writes record {@code seq}: every field derived from it, so a torn record cannot pass {@link #check}. */
  private static boolean offer(RecordRing ring, long seq) {
    if (!ring.claim()) {
      return false;
    }
    for (int f = 1; f < WIDTH; f++) {
      ring.put(f, seq * 31 + f);
    }
    ring.publish();
    return true;
  }

  @Test
  void shouldDeliverEveryRecordWholeAndInOrderOrCountItAsDroppedWhereItWasLostUnderLoad() throws Exception {
    RecordRing ring = new RecordRing(64, WIDTH);
    long total = 2_000_000;
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean producerDone = new AtomicBoolean();
    long[] received = new long[1];
    long[] dropsMarked = new long[1];
    Thread consumer = new Thread(() -> {
      long[] batch = new long[16 * WIDTH];
      long expectedDropsBefore = 0;
      long lastSeq = -1;
      try {
        while (!(producerDone.get() && ring.published() == received[0])) {
          int n = ring.drain(batch);
          for (int i = 0; i < n; i++) {
            long seq = (batch[i * WIDTH + 1] - 1) / 31;
            for (int f = 1; f < WIDTH; f++) {
              assertEquals(seq * 31 + f, batch[i * WIDTH + f], "record " + seq + " field " + f + " torn");
            }
            assertTrue(seq > lastSeq, "records in order");
            // the drop count carried by the record is exactly the sequence numbers skipped before it
            long dropsBefore = batch[i * WIDTH + RecordRing.DROPS_BEFORE];
            assertEquals(seq - received[0], dropsBefore, "drops before record " + seq);
            dropsMarked[0] += dropsBefore - expectedDropsBefore;
            expectedDropsBefore = dropsBefore;
            lastSeq = seq;
            received[0]++;
          }
          if (n == 0) {
            Thread.onSpinWait();
          }
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    consumer.start();
    long offered = 0;
    for (long seq = 0; seq < total; seq++) {
      if (offer(ring, seq)) {
        offered++;
      }
    }
    producerDone.set(true);
    consumer.join(30_000);
    assertFalse(consumer.isAlive(), "consumer finished");
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    assertEquals(offered, received[0], "every published record arrived");
    assertEquals(total, received[0] + ring.dropped(), "every record arrived or was counted as dropped");
    assertEquals(offered, ring.published());
  }

  @Test
  void shouldDropAndCountWhenFullWithoutOverwritingUnreadRecords() {
    RecordRing ring = new RecordRing(4, WIDTH);
    for (long seq = 0; seq < 10; seq++) {
      offer(ring, seq);
    }
    assertEquals(6, ring.dropped());
    long[] batch = new long[8 * WIDTH];
    assertEquals(4, ring.drain(batch));
    for (int i = 0; i < 4; i++) {
      assertEquals(i * 31 + 1, batch[i * WIDTH + 1], "the first four records are intact");
    }
    assertTrue(offer(ring, 10));
    assertEquals(1, ring.drain(batch));
    assertEquals(6, batch[RecordRing.DROPS_BEFORE], "the next record carries the six drops before it");
  }

  @Test
  void shouldAllocateNothingOnTheProducerSideWhetherRecordsFitOrDrop() {
    RecordRing ring = new RecordRing(1024, WIDTH);
    long[] batch = new long[1024 * WIDTH];
    RunRecorder recorder = new RunRecorder(4, 1024, 64);
    double[] obs = {0.1, 0.2, 0.3, 0.4};
    Runnable produce = () -> {
      for (int i = 0; i < 10_000; i++) {
        offer(ring, i);
        recorder.tick(i, i * 20L, 3, 1, 1.0, 0.5, obs);
        recorder.episode(i, i * 20L, i, 20, 20.0, 19.5);
        if ((i & 2047) == 0) {
          ring.drain(batch); // 1024 records fit per 2048 offered, the rest drop
        }
      }
    };
    long[] bytes = AllocationWindows.measure(() -> {
      for (int w = 0; w < 10; w++) {
        produce.run();
      }
    }, produce);
    AllocationWindows.assertAtMostOneWindowAllocated(bytes, "10k offers per window");
    assertTrue(ring.dropped() > 0 && recorder.dropped() > 0, "the full-ring path was measured too");
  }
}
