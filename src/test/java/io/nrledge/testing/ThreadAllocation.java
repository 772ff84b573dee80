package io.nrledge.testing;

import java.lang.management.ManagementFactory;

/** Reads the current thread's allocated-bytes counter (HotSpot's per-thread TLAB accounting). */
public final class ThreadAllocation {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ThreadAllocation() {}

  /** Bytes allocated so far by the calling thread. */
  public static long currentThreadBytes() {
    return THREADS.getCurrentThreadAllocatedBytes();
  }
}
