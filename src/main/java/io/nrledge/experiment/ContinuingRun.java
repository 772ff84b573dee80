package io.nrledge.experiment;

import java.util.List;
import java.util.Map;

/**
 * The learning figures of one continuing run (no episodes), read back from its {@code run} summary
 * JSON: reward per 1,000 ticks in the first and last window and in each of the run's equal
 * windows, the positive rewards alone per window (on the rover: beacons), the loop period and the
 * simulated hours the run covered. Never used on a control thread.
 *
 * @param gainWindows positive reward per 1,000 ticks per window; null when the summary has none
 * @param wallSeconds the run's wall-clock time, NaN when unknown
 */
public record ContinuingRun(String group, long seed, double rateFirst, double rateLast, double[] rateWindows,
    double[] gainWindows, double ticksPerHour, double hours, double wallSeconds) {

  /** Reads a parsed summary; throws {@link IllegalArgumentException} naming a missing field. */
  public static ContinuingRun of(String group, Map<String, Object> summary) {
    double ticksPerHour = 3.6e9 / number(summary, "period_us").doubleValue();
    return new ContinuingRun(group, number(summary, "seed").longValue(),
        number(summary, "reward_rate_first_window").doubleValue(),
        number(summary, "reward_rate_last_window").doubleValue(),
        numbers(summary, "reward_rate_windows"),
        summary.get("reward_gain_windows") == null ? null : numbers(summary, "reward_gain_windows"),
        ticksPerHour, number(summary, "ticks").doubleValue() / ticksPerHour,
        summary.get("wall_seconds") instanceof Number n ? n.doubleValue() : Double.NaN);
  }

  public int windows() {
    return rateWindows.length;
  }

  /** Positive reward per simulated hour in window {@code w} (beacons/h on the rover); NaN when unknown. */
  public double gainPerHour(int w) {
    return gainWindows == null ? Double.NaN : gainWindows[w] * ticksPerHour / 1000.0;
  }

  /** Negative reward per simulated hour in window {@code w}, as a positive number (bumps/h); NaN when unknown. */
  public double lossPerHour(int w) {
    return gainWindows == null ? Double.NaN : (gainWindows[w] - rateWindows[w]) * ticksPerHour / 1000.0;
  }

  private static Number number(Map<String, Object> summary, String key) {
    if (summary.get(key) instanceof Number n) {
      return n;
    }
    throw new IllegalArgumentException(key + ": missing or not a number (not a continuing run's summary?)");
  }

  private static double[] numbers(Map<String, Object> summary, String key) {
    if (!(summary.get(key) instanceof List<?> list)) {
      throw new IllegalArgumentException(key + ": missing or not a list");
    }
    double[] v = new double[list.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = list.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
    return v;
  }
}
