package io.nrledge.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The latest fault reaches readers on other threads as one record, never one fault's kind with another's tick. */
class FaultRecordPublicationTest {
  private static final int KINDS = 7;
  private static final long FAULTS = 10_000_000;

  @Test
  void shouldNeverShowAReaderAFaultTornBetweenTwoWrites() throws Exception {
    String[] phases = {"a", "b", "c", "d", "e", "f", "g"};
    LoopTelemetry telemetry = new LoopTelemetry(phases, phases, 10);
    AtomicBoolean done = new AtomicBoolean();
    Thread writer = new Thread(() -> {
      for (long tick = 0; tick < FAULTS; tick++) {
        int k = (int) (tick % KINDS);
        telemetry.fault(k, k, k, tick, null);
      }
      done.set(true);
    });
    FaultRecord seen = new FaultRecord();
    long reads = 0;
    writer.start();
    while (!done.get()) {
      if (telemetry.readLastFault(seen)) {
        reads++;
        int k = (int) (seen.tick % KINDS);
        assertEquals(k, seen.kind, "kind of tick " + seen.tick);
        assertEquals(k, seen.phase, "phase of tick " + seen.tick);
        assertEquals(k, seen.channel, "channel of tick " + seen.tick);
      }
    }
    writer.join();
    assertTrue(reads > 0, "the reader saw faults while they were written");
    assertTrue(telemetry.readLastFault(seen));
    assertEquals(FAULTS - 1, seen.tick);
  }
}
