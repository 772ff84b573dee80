package io.nrledge.telemetry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The low-priority thread that turns snapshots from a {@link CheckpointSlot} into checkpoint
 * files: adds the header and checksum in a reused buffer, writes through {@link CheckpointStore}
 * (durable, atomic), keeps the newest {@code keep} and releases the slot. A failed write is
 * reported in one line and counted; the run goes on. It must never be the control thread.
 */
public final class CheckpointWriter {
  private static final long IDLE_PARK_NS = 50_000_000L;

  private final CheckpointStore store;
  private final CheckpointSlot slot;
  private final long profileHash;
  private final int[] sections;
  private final int keep;
  private final Consumer<String> messages;
  private final ByteBuffer file;
  private final Thread thread;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private long sequence;
  private volatile boolean closing;
  private volatile String lastFile;

  /** Not real-time safe; {@link #start()} starts the thread. */
  public CheckpointWriter(CheckpointStore store, CheckpointSlot slot, long profileHash, int[] sections, int keep,
      Consumer<String> messages) throws IOException {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be >= 1, got " + keep);
    }
    this.store = store;
    this.slot = slot;
    this.profileHash = profileHash;
    this.sections = sections.clone();
    this.keep = keep;
    this.messages = messages;
    this.file = ByteBuffer.allocate(CheckpointFile.fileBytes(sections.length, slot.bodyBytes()))
        .order(ByteOrder.LITTLE_ENDIAN);
    this.sequence = store.nextSequence();
    this.thread = new Thread(this::run, "nrl-checkpoints");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    slot.attachWriter(thread);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    while (!closing || slot.isFull()) {
      if (slot.isFull()) {
        writeSnapshot();
        slot.release();
      } else {
        LockSupport.parkNanos(this, IDLE_PARK_NS);
      }
    }
  }

  private void writeSnapshot() {
    CheckpointFile.encode(file, profileHash, slot.episodes(), slot.ticks(), System.currentTimeMillis(), sections,
        slot.filled());
    try {
      lastFile = store.write(sequence, file).toString();
      sequence++;
      written.incrementAndGet();
      store.prune(keep);
    } catch (IOException | RuntimeException e) {
      failures.incrementAndGet();
      messages.accept("checkpoint " + store.dir().resolve(CheckpointStore.fileName(sequence)) + " not written: " + e);
    }
  }

  /** Checkpoint files written so far. */
  public long written() {
    return written.get();
  }

  /** Writes that failed. */
  public long failures() {
    return failures.get();
  }

  /** The last file written, or null. */
  public String lastFile() {
    return lastFile;
  }

  /** Writes the snapshot still in the slot, if any, and stops the thread. */
  public void finish() throws InterruptedException {
    closing = true;
    LockSupport.unpark(thread);
    if (thread.isAlive()) {
      thread.join();
    }
  }
}
