package io.nrledge.telemetry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands one state snapshot from the control thread to the checkpoint writer: a preallocated
 * little-endian body buffer and a full/free flag. The control thread fills the buffer only while
 * the writer has released it; when the writer is still busy with the previous snapshot the new
 * one is skipped and counted, never waited for. The control thread's side takes no lock and never
 * allocates.
 */
public final class CheckpointSlot {
  private final ByteBuffer body;
  /** The writer's read-only view of {@link #body}, made once. */
  private final ByteBuffer view;
  private final AtomicInteger full = new AtomicInteger();
  private final AtomicLong taken = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  /** Written before {@link #full} is set, read after it is seen set. */
  private long episodes;
  private long ticks;
  private volatile Thread writer;

  /** A slot for snapshots of {@code bodyBytes}. Not real-time safe. */
  public CheckpointSlot(int bodyBytes) {
    this.body = ByteBuffer.allocate(bodyBytes).order(ByteOrder.LITTLE_ENDIAN);
    this.view = body.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  public int bodyBytes() {
    return body.capacity();
  }

  /**
   * Control thread: the cleared buffer to fill, or null (counted as skipped) while the writer still
   * holds the last snapshot. Real-time safe.
   */
  public ByteBuffer begin() {
    if (full.getAcquire() != 0) {
      skipped.incrementAndGet();
      return null;
    }
    body.clear();
    return body;
  }

  /** Control thread: the buffer from {@link #begin()} is filled; hands it to the writer. Real-time safe. */
  public void publish(long episodeCount, long tickCount) {
    if (body.position() != body.capacity()) {
      throw new IllegalStateException("snapshot filled " + body.position() + " of " + body.capacity() + " bytes");
    }
    episodes = episodeCount;
    ticks = tickCount;
    full.setRelease(1);
    taken.incrementAndGet();
    Thread w = writer;
    if (w != null) {
      LockSupport.unpark(w);
    }
  }

  /** Snapshots handed over so far. */
  public long taken() {
    return taken.get();
  }

  /** Snapshots skipped because the writer was still busy. */
  public long skipped() {
    return skipped.get();
  }

  /** Any thread: waits until the writer released the slot; false on timeout. */
  public boolean awaitFree(long timeoutNs) {
    long deadline = System.nanoTime() + timeoutNs;
    while (full.getAcquire() != 0) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(1_000_000);
    }
    return true;
  }

  void attachWriter(Thread thread) {
    writer = thread;
  }

  boolean isFull() {
    return full.getAcquire() != 0;
  }

  long episodes() {
    return episodes;
  }

  long ticks() {
    return ticks;
  }

  /** Writer: the filled body, a read-only view of bytes {@code [0, bodyBytes)}. */
  ByteBuffer filled() {
    return view.clear();
  }

  void release() {
    full.setRelease(0);
  }
}
