package io.nrledge.profiles;

import java.util.List;
import java.util.Map;

/**
 * A validated device profile: the rig, the loop, the observation and action mappings, where
 * rewards and episodes come from, the learner and the watchdog. Immutable; made by
 * {@link ProfileLoader}. {@link #where(String)} gives the file position of any key that was set,
 * so checks made later (against the rig's real channel counts) can still point at the file.
 */
public record DeviceProfile(
    String source,
    String name,
    Rig rig,
    Loop loop,
    Observation observation,
    Actions actions,
    Rewards rewards,
    Episodes episodes,
    LearnerSettings learner,
    WatchdogLimits watchdog,
    Run run,
    Map<String, String> locations,
    Bridge bridge,
    Hardware hardware,
    Storage storage) {

  public DeviceProfile {
    locations = Map.copyOf(locations);
  }

  /**
   * Whether the sensors and actuators are the Raspberry Pi's own pins and buses ({@link #hardware()}),
   * as opposed to a simulated rig or a microcontroller behind a bridge (which a Pi may host).
   */
  public boolean devicesOnBoard() {
    return hardware != null && bridge == null;
  }

  /** {@code sim}, or the real board's label ({@code raspberry-pi-5}). */
  public String board() {
    return hardware == null ? "sim" : hardware.board().label;
  }

  /**
   * Where a run leaves its files: tinylog's rolling text logs ({@code logFiles} files of at most
   * {@code logFileBytes}) in {@code logFolder}; one telemetry folder per run under
   * {@code runsFolder}, all runs together within {@code runBudgetBytes}, synced to the card at
   * least every {@code syncIntervalNs}. Relative folders are resolved against the working folder.
   */
  public record Storage(String logFolder, long logFileBytes, int logFiles, String runsFolder, long runBudgetBytes,
      long syncIntervalNs) {
    public static final Storage DEFAULT = new Storage("logs", 1L << 20, 5, "runs", 64L << 20, 1_000_000_000L);
  }

  /**
   * The microcontroller of a {@code rig.type: bridge} profile.
   *
   * @param launch command that starts a firmware simulator serving {@code port} (empty: a real board)
   * @param plant {@code pins} (the board's real inputs and outputs) or {@code track} (its simulated track)
   * @param events the profile's {@code microcontroller} events: the reward and terminal flag of EVENT
   *     frames on their channel (other channels keep the firmware's kind and value)
   */
  public record Bridge(String port, int baud, List<String> launch, long launchTimeoutNs, long samplePeriodNs,
      long failsafeTimeoutNs, String plant, long connectTimeoutNs, List<Hardware.Microcontroller> events) {
    public Bridge {
      launch = List.copyOf(launch);
      events = List.copyOf(events);
    }
  }

  /**
   * The rig: a simulated type, {@code bridge} (a microcontroller, see {@link #bridge()}), or
   * {@code hardware} (a real board's own sensors and actuators, see {@link #hardware()}).
   * {@code rewardEvents}: env rigs post each step's reward as an event; rover rewards per switch.
   */
  public record Rig(String type, boolean rewardEvents, double bumpReward, double beaconReward) {}

  /**
   * @param idle the idle strategy's name, null for the runtime's default (checked by the runtime)
   * @param spinNs park-spin's spin window, −1 for the runtime's default
   * @param time {@code fast} (virtual clock) or {@code realtime}
   * @param dryRunTicks realtime: ticks run on a simulated twin first, so the tick path is compiled
   *     before the first real actuator write (0: none)
   * @param rtPriority SCHED_FIFO priority of the control thread, 1–99 (0: none)
   * @param cpuSet CPUs the control thread may run on ("3", "2-3"; null: any)
   * @param lockMemory lock the process's memory (mlockall) when the run starts
   */
  public record Loop(long periodNs, String idle, long spinNs, String time, long dryRunTicks, int rtPriority,
      String cpuSet, boolean lockMemory) {
    public static final long DEFAULT_DRY_RUN_TICKS = 30_000;
  }

  /** Per channel: {@code obs = (raw − offset) · scale}; raw outside [min, max] is a fault. */
  public record Observation(double[] offset, double[] scale, double[] min, double[] max) {
    public Observation {
      offset = offset.clone();
      scale = scale.clone();
      min = min.clone();
      max = max.clone();
    }

    public int channels() {
      return offset.length;
    }
  }

  /** {@code table[action][channel]}, clamps, slew per tick (+∞: none) and the safe command. */
  public record Actions(double[][] table, double[] min, double[] max, double[] slewPerTick, double[] safe) {
    public Actions {
      double[][] rows = new double[table.length][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = table[i].clone();
      }
      table = rows;
      min = min.clone();
      max = max.clone();
      slewPerTick = slewPerTick.clone();
      safe = safe.clone();
    }

    public int channels() {
      return min.length;
    }
  }

  /**
   * @param form {@code episodic}, {@code immediate} or {@code continuing}
   * @param perTick reward credited every tick, NaN for none
   * @param terminal reward added to a terminal event's value
   */
  public record Rewards(String form, double perTick, double terminal) {}

  /**
   * @param timeLimitTicks 0 for none
   * @param solvedAverage moving average of returns that counts as solved, NaN for none
   */
  public record Episodes(int timeLimitTicks, double solvedAverage, int averageWindow) {}

  /**
   * @param rule {@code nrl}, {@code nrl-layer}, {@code rmhl}, {@code rmhl-implicit} or {@code bp}
   * @param fanOut the fan-out factor n_l on the NRL rules' layer updates, or null for the rule's own
   *     default ({@link #fanOutOn()})
   * @param probesPerLayer {@code nrl-layer}: noise probes per layer and tick
   * @param budgetNs {@code nrl-layer}: the learner's compute budget per tick, from which the probes
   *     per layer are chosen on the machine at start (0: none, {@code probesPerLayer} as given)
   * @param exploration ε of the exploration floor (0: none)
   * @param explorationHold ticks a floor-picked action is held (1: the single-tick floor)
   * @param criticRate continuing form: β of the TD critic (0: the running-average baseline)
   * @param criticDiscount γ of the critic's TD error
   * @param weightDecay λ of the per-tick weight decay (0: none)
   * @param weightDecayAfter ticks without a nonzero reward before the decay applies (0: every tick)
   * @param partitionedProbes {@code nrl-layer}: each layer's units are split among the probes
   *     ({@code learner.probe-layout: partitioned}) instead of noised in every probe
   */
  public record LearnerSettings(int[] hidden, String rule, double learningRate, double sigma, double baselineRate,
      double traceDecay, boolean biases, Boolean fanOut, int rewardHistorySteps, int probesPerLayer, long budgetNs,
      double exploration, int explorationHold, double criticRate, double criticDiscount, double weightDecay,
      int weightDecayAfter, boolean partitionedProbes) {
    public LearnerSettings {
      hidden = hidden.clone();
    }

    /**
     * Whether each layer's update is scaled by its unit count n_l: as {@code learner.fan-out} says, else
     * on for {@code nrl} (the paper's rule) and off for {@code nrl-layer} (whose η was tuned without it).
     * It means something only for these two; {@code nrl-layer} with it follows the gradient without
     * per-layer bias (its estimate is ∇ ln π / n_l per layer).
     */
    public boolean fanOutOn() {
      return fanOut != null ? fanOut : rule.equals("nrl");
    }

    /** These settings with another probe count and budget (0: none). */
    public LearnerSettings withProbes(int probes, long budget) {
      return new LearnerSettings(hidden, rule, learningRate, sigma, baselineRate, traceDecay, biases, fanOut,
          rewardHistorySteps, probes, budget, exploration, explorationHold, criticRate, criticDiscount, weightDecay,
          weightDecayAfter, partitionedProbes);
    }
  }

  /** This profile with other learner settings (command-line overrides). */
  public DeviceProfile withLearner(LearnerSettings other) {
    return new DeviceProfile(source, name, rig, loop, observation, actions, rewards, episodes, other, watchdog, run,
        locations, bridge, hardware, storage);
  }

  public record WatchdogLimits(int maxConsecutiveOverruns, int recoverAfterTicks) {}

  /**
   * @param mode {@code train} or {@code eval}
   * @param maxTicks 0 for none (likewise the other budgets)
   */
  public record Run(long seed, String mode, long maxTicks, long maxEpisodes, long maxDurationNs, long warmupTicks) {}

  /** {@code FILE:LINE:COL} of the value of {@code key} (dotted), or just the file when it was not set. */
  public String where(String key) {
    return locations.getOrDefault(key, source);
  }

  /** A one-line error about {@code key}, pointing into the file. */
  public ProfileException error(String key, String message) {
    return new ProfileException(where(key) + ": " + key + ": " + message);
  }
}
