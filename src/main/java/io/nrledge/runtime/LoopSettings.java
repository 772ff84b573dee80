package io.nrledge.runtime;

/**
 * What the control loop needs besides its devices and learner, validated once by
 * {@link Builder#build()} before anything runs. Built by name, so two swapped numbers cannot
 * compile into a wrong loop.
 */
public final class LoopSettings {
  /** Shortest tick period: 10 µs (100 kHz). */
  public static final long MIN_PERIOD_NS = 10_000;
  /** Longest tick period: 10 s. */
  public static final long MAX_PERIOD_NS = 10_000_000_000L;
  /** Largest reward magnitude accepted per tick or event, so returns and baselines stay finite. */
  public static final double MAX_ABS_REWARD = 1e6;

  private final long periodNs;
  private final Mode mode;
  private final double perTickReward;
  private final double terminalReward;
  private final int timeLimitTicks;
  private final double solvedAverage;
  private final long maxTicks;
  private final long maxEpisodes;
  private final long maxDurationNs;
  private final int maxConsecutiveOverruns;
  private final int recoverAfterTicks;
  private final long warmupTicks;

  private LoopSettings(Builder b) {
    this.periodNs = b.periodNs;
    this.mode = b.mode;
    this.perTickReward = b.perTickReward;
    this.terminalReward = b.terminalReward;
    this.timeLimitTicks = b.timeLimitTicks;
    this.solvedAverage = b.solvedAverage;
    this.maxTicks = b.maxTicks;
    this.maxEpisodes = b.maxEpisodes;
    this.maxDurationNs = b.maxDurationNs;
    this.maxConsecutiveOverruns = b.maxConsecutiveOverruns;
    this.recoverAfterTicks = b.recoverAfterTicks;
    this.warmupTicks = b.warmupTicks;
  }

  /**
   * Defaults: train, no rewards, no limits, never solved, watchdog 5 overruns / 50 healthy ticks,
   * 200,000 warm-up ticks before the allocation counter starts.
   */
  public static Builder builder(long periodNs) {
    return new Builder(periodNs);
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder(periodNs);
    b.mode = mode;
    b.perTickReward = perTickReward;
    b.terminalReward = terminalReward;
    b.timeLimitTicks = timeLimitTicks;
    b.solvedAverage = solvedAverage;
    b.maxTicks = maxTicks;
    b.maxEpisodes = maxEpisodes;
    b.maxDurationNs = maxDurationNs;
    b.maxConsecutiveOverruns = maxConsecutiveOverruns;
    b.recoverAfterTicks = recoverAfterTicks;
    b.warmupTicks = warmupTicks;
    return b;
  }

  /** Tick period. */
  public long periodNs() {
    return periodNs;
  }

  /** What the loop does with the learner (train, eval, …). */
  public Mode mode() {
    return mode;
  }

  /** Constant reward credited every tick; NaN for none (0 is credited: it moves the baseline). */
  public double perTickReward() {
    return perTickReward;
  }

  /** Reward credited on a terminal event, added to the event's value. */
  public double terminalReward() {
    return terminalReward;
  }

  /** Episode length limit in ticks, 0 for none. */
  public int timeLimitTicks() {
    return timeLimitTicks;
  }

  /** Stop once the moving average of returns reaches this; NaN: never. */
  public double solvedAverage() {
    return solvedAverage;
  }

  /** Tick budget, 0 for none. */
  public long maxTicks() {
    return maxTicks;
  }

  /** Episode budget, 0 for none. */
  public long maxEpisodes() {
    return maxEpisodes;
  }

  /** Wall-clock budget, 0 for none. */
  public long maxDurationNs() {
    return maxDurationNs;
  }

  /** Overrunning ticks in a row that trip the watchdog. */
  public int maxConsecutiveOverruns() {
    return maxConsecutiveOverruns;
  }

  /** Healthy ticks before a recoverable fault clears; 0 latches every fault. */
  public int recoverAfterTicks() {
    return recoverAfterTicks;
  }

  /** Ticks before the control thread's allocation counter starts. */
  public long warmupTicks() {
    return warmupTicks;
  }

  /** Named setters; {@link #build()} checks every value once. */
  public static final class Builder {
    private final long periodNs;
    private Mode mode = Mode.TRAIN;
    private double perTickReward = Double.NaN;
    private double terminalReward;
    private int timeLimitTicks;
    private double solvedAverage = Double.NaN;
    private long maxTicks;
    private long maxEpisodes;
    private long maxDurationNs;
    private int maxConsecutiveOverruns = 5;
    private int recoverAfterTicks = 50;
    private long warmupTicks = 200_000;

    private Builder(long periodNs) {
      this.periodNs = periodNs;
    }

    public Builder mode(Mode m) {
      this.mode = m;
      return this;
    }

    /** Per-tick reward (NaN for none), terminal reward, episode time limit in ticks (0 for none). */
    public Builder rewards(double perTick, double terminal, int timeLimit) {
      this.perTickReward = perTick;
      this.terminalReward = terminal;
      this.timeLimitTicks = timeLimit;
      return this;
    }

    /** Moving average of returns at which the run counts as solved and stops (NaN: never). */
    public Builder solvedAverage(double average) {
      this.solvedAverage = average;
      return this;
    }

    public Builder maxTicks(long ticks) {
      this.maxTicks = ticks;
      return this;
    }

    public Builder maxEpisodes(long episodes) {
      this.maxEpisodes = episodes;
      return this;
    }

    public Builder maxDurationNs(long ns) {
      this.maxDurationNs = ns;
      return this;
    }

    public Builder watchdog(int maxConsecutiveOverruns, int recoverAfterTicks) {
      this.maxConsecutiveOverruns = maxConsecutiveOverruns;
      this.recoverAfterTicks = recoverAfterTicks;
      return this;
    }

    public Builder warmupTicks(long ticks) {
      this.warmupTicks = ticks;
      return this;
    }

    /**
     * Checks every value; throws {@link IllegalArgumentException} "KEY: message" naming the first
     * bad one (keys: period, mode, per-tick-reward, terminal-reward, time-limit-ticks,
     * solved-average, max-ticks, max-episodes, max-duration, warmup-ticks,
     * max-consecutive-overruns, recover-after-ticks). Not real-time safe.
     */
    public LoopSettings build() {
      if (periodNs < MIN_PERIOD_NS || periodNs > MAX_PERIOD_NS) {
        throw new IllegalArgumentException("period: must be 10us..10s, got " + periodNs + " ns");
      }
      if (mode == null) {
        throw new IllegalArgumentException("mode: must be set");
      }
      if (!Double.isNaN(perTickReward)) {
        checkReward("per-tick-reward", perTickReward);
      }
      checkReward("terminal-reward", terminalReward);
      if (!Double.isNaN(solvedAverage) && !Double.isFinite(solvedAverage)) {
        throw new IllegalArgumentException("solved-average: must be finite (NaN: never), got " + solvedAverage);
      }
      requireNonNegative("time-limit-ticks", timeLimitTicks);
      requireNonNegative("max-ticks", maxTicks);
      requireNonNegative("max-episodes", maxEpisodes);
      requireNonNegative("max-duration", maxDurationNs);
      requireNonNegative("warmup-ticks", warmupTicks);
      if (maxConsecutiveOverruns < 1) {
        throw new IllegalArgumentException("max-consecutive-overruns: must be >= 1, got " + maxConsecutiveOverruns);
      }
      requireNonNegative("recover-after-ticks", recoverAfterTicks);
      return new LoopSettings(this);
    }

    private static void requireNonNegative(String key, long value) {
      if (value < 0) {
        throw new IllegalArgumentException(key + ": must be >= 0 (0: none), got " + value);
      }
    }
  }

  /**
   * The one check of a reward value (per tick, terminal, or posted by a device event): throws
   * {@link IllegalArgumentException} "KEY: message" unless finite and within ±{@link #MAX_ABS_REWARD}.
   */
  public static void checkReward(String key, double reward) {
    if (!(Math.abs(reward) <= MAX_ABS_REWARD)) {
      throw new IllegalArgumentException(key + ": must be a finite number within ±" + MAX_ABS_REWARD + ", got " + reward);
    }
  }
}
