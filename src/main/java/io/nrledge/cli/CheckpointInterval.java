package io.nrledge.cli;

import io.nrledge.profiles.Durations;

/**
 * {@code --checkpoint-every}: a number of episodes ({@code 100ep}) or a wall-clock duration
 * ({@code 30s}, {@code 5m}); exactly one of the two fields is > 0.
 */
record CheckpointInterval(long episodes, long ns) {
  static final String DEFAULT = "60s";

  /** Parses the option's text; a {@link UsageException} names the option. */
  static CheckpointInterval parse(String text) {
    String t = text.trim();
    if (t.endsWith("ep")) {
      long n;
      try {
        n = Long.parseLong(t.substring(0, t.length() - 2));
      } catch (NumberFormatException e) {
        n = 0;
      }
      if (n < 1) {
        throw new UsageException("--checkpoint-every: episodes must be a whole number >= 1 like 100ep, got '" + text + "'");
      }
      return new CheckpointInterval(n, 0);
    }
    long ns;
    try {
      ns = Durations.parseNs(t);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--checkpoint-every: must be episodes like 100ep or a duration like 30s or 5m, got '"
          + text + "'");
    }
    if (ns < 1_000_000) {
      throw new UsageException("--checkpoint-every: a duration must be at least 1ms, got '" + text + "'");
    }
    return new CheckpointInterval(0, ns);
  }
}
