package io.nrledge.io.pi4j;

import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that talks to the Pi4J devices of a board: it samples the sensors every
 * {@code periodNs} into their {@link SampleSlots} and applies actuator commands as soon as the
 * control thread publishes them (it is woken by {@link #wake()}). Whatever Pi4J allocates, logs or
 * blocks on happens here, never on the control thread. A daemon: a stuck bus call cannot keep the
 * JVM alive.
 */
final class IoThread extends Thread {
  private static final long JOIN_MS = 2_000;
  private final Pi4jSensors sensors;
  private final Pi4jActuators actuators;
  private final long periodNs;
  private volatile boolean running = true;
  private boolean started;

  IoThread(String name, Pi4jSensors sensors, Pi4jActuators actuators, long periodNs) {
    super(name);
    setDaemon(true);
    this.sensors = sensors;
    this.actuators = actuators;
    this.periodNs = periodNs;
  }

  /** Starts the thread unless it already runs. Not real-time safe. */
  synchronized void startOnce() {
    if (!started) {
      started = true;
      start();
    }
  }

  /** Makes the thread apply newly published commands now. Real-time safe. */
  void wake() {
    LockSupport.unpark(this);
  }

  /** Stops the thread and waits for it. Not real-time safe. */
  void shutdown() {
    running = false;
    wake();
    if (started && Thread.currentThread() != this) {
      try {
        join(JOIN_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void run() {
    long next = System.nanoTime();
    while (running) {
      actuators.applyPending();
      long now = System.nanoTime();
      if (now - next >= 0) {
        sensors.sampleAll(now);
        next += periodNs;
        if (System.nanoTime() - next >= 0) {
          next = System.nanoTime() + periodNs; // behind: skip the missed passes instead of bursting
        }
        actuators.applyPending();
      }
      long waitNs = next - System.nanoTime();
      if (waitNs > 0 && running) {
        LockSupport.parkNanos(this, waitNs);
      }
    }
  }
}
