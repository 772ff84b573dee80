package io.nrledge.telemetry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A preallocated single-producer, single-consumer ring of fixed-size records of {@code long}s, in
 * the Disruptor style: a power-of-two capacity, one array, a producer and a consumer sequence and
 * no lock. The producer never waits: when the ring is full the record is dropped and counted, and
 * every published record carries the drop count at its publication, so the consumer can mark the
 * gap exactly where it happened. It must never allocate on the producer side.
 */
public final class RecordRing {
  /** Field 0 of every record: drops counted before it was published (the ring writes it). */
  public static final int DROPS_BEFORE = 0;

  private final long[] buffer;
  private final int width;
  private final int capacity;
  private final int mask;
  private final AtomicLong produced = new AtomicLong();
  private final AtomicLong consumed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private long consumedCache;
  private int claimedOffset = -1;

  /** {@code capacity} records (a power of two) of {@code width} longs each (field 0 is the ring's). Not real-time safe. */
  public RecordRing(int capacity, int width) {
    if (capacity < 2 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two >= 2, got " + capacity);
    }
    if (width < 2) {
      throw new IllegalArgumentException("width must be >= 2 longs, got " + width);
    }
    this.buffer = new long[Math.multiplyExact(capacity, width)];
    this.width = width;
    this.capacity = capacity;
    this.mask = capacity - 1;
  }

  public int width() {
    return width;
  }

  public int capacity() {
    return capacity;
  }

  /**
   * Producer: claims the next record; false when the ring is full (the record is dropped and
   * counted; nothing must be written). Real-time safe.
   */
  public boolean claim() {
    final long next = produced.getPlain();
    if (next - consumedCache >= capacity) {
      consumedCache = consumed.getAcquire();
      if (next - consumedCache >= capacity) {
        dropped.setRelease(dropped.getPlain() + 1);
        claimedOffset = -1;
        return false;
      }
    }
    claimedOffset = (int) (next & mask) * width;
    buffer[claimedOffset + DROPS_BEFORE] = dropped.getPlain();
    return true;
  }

  /** Producer: sets field {@code field} (≥ 1) of the claimed record. Real-time safe. */
  public void put(int field, long value) {
    buffer[claimedOffset + field] = value;
  }

  /** Producer: sets field {@code field} (≥ 1) of the claimed record to a double's bits. Real-time safe. */
  public void putDouble(int field, double value) {
    buffer[claimedOffset + field] = Double.doubleToRawLongBits(value);
  }

  /** Producer: makes the claimed record visible to the consumer. Real-time safe. */
  public void publish() {
    claimedOffset = -1;
    produced.setRelease(produced.getPlain() + 1);
  }

  /**
   * Consumer: copies up to {@code into.length / width} published records into {@code into},
   * oldest first, and frees their slots; the number copied. Allocates nothing.
   */
  public int drain(long[] into) {
    final long from = consumed.getPlain();
    final long available = produced.getAcquire() - from;
    final int n = (int) Math.min(available, into.length / width);
    for (int i = 0; i < n; i++) {
      System.arraycopy(buffer, (int) ((from + i) & mask) * width, into, i * width, width);
    }
    consumed.setRelease(from + n);
    return n;
  }

  /** Records the consumer has taken. Any thread. */
  public long consumed() {
    return consumed.getAcquire();
  }

  /** Records dropped because the ring was full. Any thread. */
  public long dropped() {
    return dropped.getAcquire();
  }

  /** Records published so far. Any thread. */
  public long published() {
    return produced.getAcquire();
  }
}
