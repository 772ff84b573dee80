package io.nrledge.cli;

import io.nrledge.profiles.Durations;

/** A command-line duration ({@code --duration}, {@code --budget}): parsed as profiles parse one, > 0, errors naming the option. */
final class DurationOption {
  private DurationOption() {}

  /** Nanoseconds in {@code text}; a {@link UsageException} naming {@code option} when it is no duration or not > 0. */
  static long positiveNs(String option, String text) {
    long ns;
    try {
      ns = Durations.parseNs(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
    if (ns <= 0) {
      throw new UsageException(option + ": must be > 0, got '" + text + "'");
    }
    return ns;
  }
}
