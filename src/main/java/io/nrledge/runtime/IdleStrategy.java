package io.nrledge.runtime;

/** How the control thread waits for the next deadline. */
public interface IdleStrategy {

  /** Returns once the clock has reached {@code deadlineNs} (immediately if it has), with the clock's reading. Real-time safe. */
  long awaitDeadline(long deadlineNs);

  /** Name used in reports ("park-spin"). */
  String name();
}
