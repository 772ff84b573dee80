package io.nrledge.runtime;

import io.nrledge.learner.CreditForm;

/**
 * What the control loop needs besides its devices and learner, validated once before anything
 * runs.
 *
 * @param periodNs tick period
 * @param mode train or eval
 * @param form how rewards reach the learner (must match the learner's own)
 * @param perTickReward constant reward credited every tick, NaN for none (0 is credited: it moves the baseline)
 * @param terminalReward reward credited on a terminal event, added to the event's value
 * @param timeLimitTicks episode length limit, 0 for none
 * @param solvedAverage stop once the moving average of returns reaches this (NaN: never)
 * @param averageWindow episodes in the moving average
 * @param maxTicks tick budget, 0 for none
 * @param maxEpisodes episode budget, 0 for none
 * @param maxDurationNs wall-clock budget, 0 for none
 * @param maxConsecutiveOverruns overrunning ticks in a row that trip the watchdog
 * @param recoverAfterTicks healthy ticks before a recoverable fault clears (0 latches all)
 * @param warmupTicks ticks before the control thread's allocation counter starts
 */
public record LoopSettings(
    long periodNs,
    Mode mode,
    CreditForm form,
    double perTickReward,
    double terminalReward,
    int timeLimitTicks,
    double solvedAverage,
    int averageWindow,
    long maxTicks,
    long maxEpisodes,
    long maxDurationNs,
    int maxConsecutiveOverruns,
    int recoverAfterTicks,
    long warmupTicks) {

  public LoopSettings {
    if (periodNs <= 0) {
      throw new IllegalArgumentException("period must be > 0 ns, got " + periodNs);
    }
    if (mode == null || form == null) {
      throw new IllegalArgumentException("mode and form must be set");
    }
    if (Double.isInfinite(perTickReward) || !Double.isFinite(terminalReward)) {
      throw new IllegalArgumentException("rewards must be finite (per-tick NaN: none)");
    }
    if (timeLimitTicks < 0 || averageWindow < 1 || maxTicks < 0 || maxEpisodes < 0 || maxDurationNs < 0 || warmupTicks < 0) {
      throw new IllegalArgumentException("limits and budgets must be >= 0, the average window >= 1");
    }
    if (maxConsecutiveOverruns < 1 || recoverAfterTicks < 0) {
      throw new IllegalArgumentException("watchdog needs max-consecutive-overruns >= 1 and recover-after-ticks >= 0");
    }
  }

  /** Defaults for tests and benchmarks: train, no rewards, no limits, watchdog 5 overruns / 50 ticks. */
  public static LoopSettings of(long periodNs, CreditForm form) {
    return new LoopSettings(periodNs, Mode.TRAIN, form, Double.NaN, 0, 0, Double.NaN, 100, 0, 0, 0, 5, 50, 200_000);
  }

  public LoopSettings withMode(Mode m) {
    return new LoopSettings(periodNs, m, form, perTickReward, terminalReward, timeLimitTicks, solvedAverage,
        averageWindow, maxTicks, maxEpisodes, maxDurationNs, maxConsecutiveOverruns, recoverAfterTicks, warmupTicks);
  }

  public LoopSettings withRewards(double perTick, double terminal, int timeLimit) {
    return new LoopSettings(periodNs, mode, form, perTick, terminal, timeLimit, solvedAverage,
        averageWindow, maxTicks, maxEpisodes, maxDurationNs, maxConsecutiveOverruns, recoverAfterTicks, warmupTicks);
  }

  public LoopSettings withBudget(long ticks, long episodes, long durationNs) {
    return new LoopSettings(periodNs, mode, form, perTickReward, terminalReward, timeLimitTicks, solvedAverage,
        averageWindow, ticks, episodes, durationNs, maxConsecutiveOverruns, recoverAfterTicks, warmupTicks);
  }

  public LoopSettings withSolved(double average, int window) {
    return new LoopSettings(periodNs, mode, form, perTickReward, terminalReward, timeLimitTicks, average,
        window, maxTicks, maxEpisodes, maxDurationNs, maxConsecutiveOverruns, recoverAfterTicks, warmupTicks);
  }

  public LoopSettings withWatchdog(int overruns, int recoverTicks) {
    return new LoopSettings(periodNs, mode, form, perTickReward, terminalReward, timeLimitTicks, solvedAverage,
        averageWindow, maxTicks, maxEpisodes, maxDurationNs, overruns, recoverTicks, warmupTicks);
  }

  public LoopSettings withWarmup(long ticks) {
    return new LoopSettings(periodNs, mode, form, perTickReward, terminalReward, timeLimitTicks, solvedAverage,
        averageWindow, maxTicks, maxEpisodes, maxDurationNs, maxConsecutiveOverruns, recoverAfterTicks, ticks);
  }
}
