package io.nrledge.runtime;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the calling thread, from HotSpot's per-thread counter; −1 where unsupported. */
public final class AllocationMeter {
  private static final com.sun.management.ThreadMXBean THREADS = threads();

  private AllocationMeter() {}

  private static com.sun.management.ThreadMXBean threads() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
        && t.isThreadAllocatedMemorySupported()) {
      t.setThreadAllocatedMemoryEnabled(true);
      t.getCurrentThreadAllocatedBytes(); // the first read allocates; keep it out of every window
      return t;
    }
    return null;
  }

  /** Total bytes the calling thread has allocated so far, or −1. Real-time safe. */
  public static long currentThreadAllocatedBytes() {
    return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
  }

  /** CPU time of the calling thread in ns, or −1. Real-time safe. */
  public static long currentThreadCpuNs() {
    return THREADS == null ? -1 : THREADS.getCurrentThreadCpuTime();
  }
}
