package io.nrledge.telemetry;

import java.lang.management.ManagementFactory;

/**
 * Bytes the whole process allocated between two moments, from the JVM's per-thread allocation
 * counters summed over every live thread ({@code com.sun.management.ThreadMXBean}); threads that
 * ended in between are not counted. One thread uses an instance.
 */
final class ProcessAllocation {
  private final com.sun.management.ThreadMXBean threads = threadBean();
  private long startBytes = -1;
  private long startNs;
  private long endBytes = -1;
  private long endNs;

  private static com.sun.management.ThreadMXBean threadBean() {
    return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
        && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled() ? bean : null;
  }

  boolean started() {
    return startBytes >= 0;
  }

  void start() {
    if (threads != null) {
      startNs = System.nanoTime();
      startBytes = threads.getTotalThreadAllocatedBytes();
    }
  }

  /** Takes the end reading (again); no-op before {@link #start()}. */
  void sample() {
    if (started()) {
      endNs = System.nanoTime();
      endBytes = threads.getTotalThreadAllocatedBytes();
    }
  }

  double bytesPerSecond() {
    if (!started() || endBytes < 0 || endNs == startNs) {
      return Double.NaN;
    }
    return Math.max(0, endBytes - startBytes) * 1e9 / (endNs - startNs);
  }
}
