package io.nrledge.io;

/** What a device event means to the learner. */
public enum EventKind {
  /** A reward of the event's value, credited to the tick at which it happened. */
  REWARD,
  /** The episode ended in a terminal state (a limit switch, a fall, a goal). */
  TERMINAL,
  /** The episode was cut short by the device (its own time limit); not a terminal state. */
  TRUNCATED;

  private static final EventKind[] VALUES = values();

  /** The kind with this ordinal, without allocating. */
  public static EventKind of(int ordinal) {
    return VALUES[ordinal];
  }
}
