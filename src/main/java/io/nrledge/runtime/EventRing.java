package io.nrledge.runtime;

import io.nrledge.io.EventKind;
import io.nrledge.io.EventSink;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded multi-producer, single-consumer queue of {@code (kind, value, timestampNs)} events
 * over preallocated parallel arrays (Vyukov's bounded queue: one sequence number per slot, a CAS
 * on the tail by producers, a plain head owned by the consumer). Producers never block: a full
 * ring drops the event and counts it. Nothing here allocates after construction.
 */
public final class EventRing implements EventSink {
  private static final VarHandle SEQ = MethodHandles.arrayElementVarHandle(long[].class);

  /** Receives drained events; implemented by the control loop once, never as a per-tick lambda. */
  public interface Handler {
    /** Called on the consumer thread for each drained event, in posting order. */
    void onEvent(EventKind kind, double value, long timestampNs);
  }

  private final int mask;
  private final long[] sequences;
  private final int[] kinds;
  private final double[] values;
  private final long[] timestamps;
  private final AtomicLong tail = new AtomicLong();
  private final AtomicLong drops = new AtomicLong();
  private long head;

  /** {@code capacity} must be a power of two ≥ 2. Not real-time safe. */
  public EventRing(int capacity) {
    if (capacity < 2 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("event ring capacity must be a power of two >= 2, got " + capacity);
    }
    mask = capacity - 1;
    sequences = new long[capacity];
    kinds = new int[capacity];
    values = new double[capacity];
    timestamps = new long[capacity];
    for (int i = 0; i < capacity; i++) {
      sequences[i] = i;
    }
  }

  /** Any thread. Real-time safe, lock-free, never blocks. */
  @Override
  public boolean post(EventKind kind, double value, long timestampNs) {
    while (true) {
      final long pos = tail.get();
      final int slot = (int) pos & mask;
      final long seq = (long) SEQ.getAcquire(sequences, slot);
      final long gap = seq - pos;
      if (gap == 0) {
        if (tail.compareAndSet(pos, pos + 1)) {
          kinds[slot] = kind.ordinal();
          values[slot] = value;
          timestamps[slot] = timestampNs;
          SEQ.setRelease(sequences, slot, pos + 1);
          return true;
        }
      } else if (gap < 0) {
        drops.incrementAndGet();
        return false;
      }
      // else another producer claimed this slot first: retry with the new tail
    }
  }

  /** Consumer thread only: hands every published event to {@code handler}; returns how many. Real-time safe. */
  public int drain(Handler handler) {
    int count = 0;
    while (true) {
      final int slot = (int) head & mask;
      final long seq = (long) SEQ.getAcquire(sequences, slot);
      if (seq - (head + 1) < 0) {
        return count;
      }
      final EventKind kind = EventKind.of(kinds[slot]);
      final double value = values[slot];
      final long ts = timestamps[slot];
      SEQ.setRelease(sequences, slot, head + mask + 1);
      head++;
      count++;
      handler.onEvent(kind, value, ts);
    }
  }

  /** Events dropped because the ring was full. Any thread. */
  public long drops() {
    return drops.get();
  }

}
