package io.nrledge.io.pi4j;

import io.nrledge.io.ActuatorOutput;
import io.nrledge.io.IoStatus;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.tinylog.Logger;

/**
 * The actuators of a Pi4J board as one {@link ActuatorOutput}, one channel per device. The
 * control thread's {@link #write} and {@link #writeSafe} only publish the commands (volatile
 * per channel) and wake the {@link IoThread}, which applies each changed channel; a device that
 * threw there makes the next write report {@code FAILED} with its channel until a pass applies
 * cleanly. {@link #applySafeNow()} drives every channel safe on the caller's thread, for the stop.
 * {@link #write} and {@link #writeSafe} never allocate, block or throw.
 */
final class Pi4jActuators implements ActuatorOutput {
  private static final long READ_BACK_WAIT_NS = 200_000_000L;
  private final Pi4jPlatform platform;
  private final Drive[] drives;
  private final double[] safe;
  private final AtomicLongArray requestedBits;
  private final AtomicLongArray appliedBits;
  private final AtomicLong requestedSeq = new AtomicLong();
  private final AtomicLong appliedSeq = new AtomicLong();
  private final long[] lastApplied;
  private final boolean[] known;
  private IoThread io;
  private boolean opened;
  private volatile boolean active;
  private volatile boolean pending;
  private volatile int failed = -1;
  private int failedChannel = -1;

  Pi4jActuators(Pi4jPlatform platform, Drive[] drives, double[] safe) {
    if (safe.length != drives.length) {
      throw new IllegalArgumentException(drives.length + " actuators but " + safe.length + " safe values");
    }
    this.platform = platform;
    this.drives = drives.clone();
    this.safe = safe.clone();
    this.requestedBits = new AtomicLongArray(drives.length);
    this.appliedBits = new AtomicLongArray(drives.length);
    this.lastApplied = new long[drives.length];
    this.known = new boolean[drives.length];
  }

  void attach(IoThread io) {
    this.io = io;
  }

  @Override
  public String name() {
    return "pi4j-actuators";
  }

  @Override
  public int channels() {
    return drives.length;
  }

  @Override
  public void configure() {
    for (Drive d : drives) {
      Pi4jBoard.HardwareException.open(d.key, () -> d.open(platform));
    }
    opened = true;
    IoStatus status = applySafeNow();
    if (status != IoStatus.OK) {
      throw new Pi4jBoard.HardwareException(drives[failed].key,
          new IllegalStateException("could not be driven to its safe value"));
    }
  }

  @Override
  public void activate() {
    publish(safe);
    active = true;
    io.startOnce();
    io.wake();
  }

  @Override
  public void deactivate() {
    applySafeNow();
  }

  private void publish(double[] commands) {
    for (int i = 0; i < drives.length; i++) {
      requestedBits.set(i, Double.doubleToRawLongBits(commands[i]));
    }
    requestedSeq.incrementAndGet();
    pending = true;
  }

  /** Real-time safe. */
  @Override
  public IoStatus write(double[] commands) {
    publish(commands);
    if (io != null) {
      io.wake();
    }
    int f = failed;
    failedChannel = f;
    return f < 0 ? IoStatus.OK : IoStatus.FAILED;
  }

  /** Real-time safe. */
  @Override
  public IoStatus writeSafe() {
    return write(safe);
  }

  @Override
  public int failedChannel() {
    return failedChannel;
  }

  /** Applies the channels whose command changed. I/O thread only. */
  void applyPending() {
    if (!active || !pending) {
      return;
    }
    synchronized (this) {
      if (!active) {
        return;
      }
      pending = false;
      long seq = requestedSeq.get();
      int firstFailure = -1;
      for (int i = 0; i < drives.length; i++) {
        long bits = requestedBits.get(i);
        if (known[i] && bits == lastApplied[i]) {
          continue;
        }
        if (!apply(i, Double.longBitsToDouble(bits))) {
          firstFailure = firstFailure < 0 ? i : firstFailure;
          pending = true; // try again on the next pass
        } else {
          lastApplied[i] = bits;
        }
      }
      failed = firstFailure;
      appliedSeq.set(seq);
    }
  }

  private boolean apply(int i, double command) {
    try {
      double applied = drives[i].apply(command);
      appliedBits.set(i, Double.doubleToRawLongBits(applied));
      known[i] = true;
      return true;
    } catch (RuntimeException e) {
      known[i] = false;
      if (failed != i) {
        Logger.warn("{}: {}", drives[i].key, e.getMessage() != null ? e.getMessage() : e.toString());
      }
      return false;
    }
  }

  /** Stops applying published commands and drives every channel safe on this thread. Not real-time safe. */
  synchronized IoStatus applySafeNow() {
    active = false;
    if (!opened) {
      return IoStatus.OK; // never configured: nothing was ever driven
    }
    int firstFailure = -1;
    for (int i = 0; i < drives.length; i++) {
      if (apply(i, safe[i])) {
        lastApplied[i] = Double.doubleToRawLongBits(safe[i]);
      } else if (firstFailure < 0) {
        firstFailure = i;
      }
    }
    failed = firstFailure;
    return firstFailure < 0 ? IoStatus.OK : IoStatus.FAILED;
  }

  /** What the hardware carries now, after the I/O thread caught up with the last write (waits up to 200 ms). */
  @Override
  public boolean readBack(double[] out) {
    long deadline = System.nanoTime() + READ_BACK_WAIT_NS;
    while (active && appliedSeq.get() < requestedSeq.get() && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(1_000_000L);
    }
    synchronized (this) {
      for (int i = 0; i < drives.length; i++) {
        if (!known[i]) {
          return false;
        }
        out[i] = Double.longBitsToDouble(appliedBits.get(i));
      }
    }
    return !active || appliedSeq.get() >= requestedSeq.get();
  }
}
