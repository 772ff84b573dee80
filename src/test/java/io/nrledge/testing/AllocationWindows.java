package io.nrledge.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.runtime.AllocationMeter;
import java.util.Arrays;

/**
 * Zero-allocation checks over several windows after warm-up. The VM itself charges a one-off
 * ~224 bytes to a thread when it deoptimizes compiled code (seen with JFR: an input first takes a
 * branch C2 compiled as a trap, e.g. inside the JDK's Java fdlibm port behind {@code Math.log1p});
 * that can happen at any time, so at most one of the windows may be non-zero. Code that allocates
 * itself, even once every few thousand steps, makes every window non-zero.
 */
public final class AllocationWindows {
  public static final int WINDOWS = 8;

  private AllocationWindows() {}

  /** Runs {@code warmUp} once, then {@code window} {@link #WINDOWS} times; bytes allocated in each. */
  public static long[] measure(Runnable warmUp, Runnable window) {
    warmUp.run();
    long[] bytes = new long[WINDOWS];
    for (int w = 0; w < WINDOWS; w++) {
      long before = AllocationMeter.currentThreadAllocatedBytes();
      window.run();
      bytes[w] = AllocationMeter.currentThreadAllocatedBytes() - before;
    }
    return bytes;
  }

  /** Fails unless at least {@code WINDOWS − 1} windows allocated exactly 0 bytes. */
  public static void assertAtMostOneWindowAllocated(long[] bytes, String what) {
    long nonZero = Arrays.stream(bytes).filter(b -> b != 0).count();
    assertTrue(nonZero <= 1, what + ": bytes allocated per window " + Arrays.toString(bytes));
  }
}
