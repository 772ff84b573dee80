package io.nrledge.bench;

/**
 * Competing CPU load for the loop bench: {@code n} threads that spin at normal priority (they are
 * started by a normal thread, so they get no real-time policy or affinity) until closed.
 */
final class BusyLoad implements AutoCloseable {
  private final Thread[] threads;
  private volatile boolean running = true;
  private volatile long sink;

  BusyLoad(int n) {
    threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      threads[i] = new Thread(this::spin, "bench-load-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
  }

  private void spin() {
    long x = Thread.currentThread().threadId();
    while (running) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    sink = x;
  }

  int threads() {
    return threads.length;
  }

  @Override
  public void close() {
    running = false;
    boolean interrupted = false;
    for (Thread t : threads) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
