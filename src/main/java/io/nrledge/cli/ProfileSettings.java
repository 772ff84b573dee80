package io.nrledge.cli;

import io.nrledge.learner.CreditForm;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.experiment.Method;
import io.nrledge.io.Board;
import io.nrledge.io.ManualNanoClock;
import io.nrledge.io.pi4j.Pi4jBoard;
import io.nrledge.io.sim.SimRigs;
import io.nrledge.profiles.DeviceProfile;
import io.nrledge.profiles.Hardware;
import io.nrledge.profiles.ProfileException;
import io.nrledge.runtime.LoopSettings;
import io.nrledge.runtime.CpuSet;
import io.nrledge.runtime.IdleStrategies;
import io.nrledge.runtime.Mode;
import io.nrledge.runtime.RealtimeScheduling;
import io.nrledge.runtime.ParkSpinIdle;
import io.nrledge.telemetry.EpisodeStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a loaded profile into the learner and loop settings their owners validate
 * ({@link LearnerConfig#validate()}, {@link LoopSettings.Builder#build()}, the spin and
 * average-window checks), and reports each verdict at the profile key it came from, as one
 * {@code FILE:LINE:COL: key: message} line. Allocates nothing big: call it before building the loop.
 * Must never keep a limit of its own.
 */
final class ProfileSettings {
  /** The owners' keys, in the profile's words. */
  private static final Map<String, String> PROFILE_KEYS = Map.ofEntries(
      Map.entry("layers", "learner.hidden"),
      Map.entry("learning-rate", "learner.learning-rate"),
      Map.entry("sigma", "learner.sigma"),
      Map.entry("baseline-rate", "learner.baseline-rate"),
      Map.entry("trace-decay", "learner.trace-decay"),
      Map.entry("reward-history-steps", "learner.reward-history-steps"),
      Map.entry("probes-per-layer", "learner.probes-per-layer"),
      Map.entry("budget", "learner.budget"),
      Map.entry("probe-layout", "learner.probe-layout"),
      Map.entry("exploration", "learner.exploration"),
      Map.entry("exploration-hold", "learner.exploration-hold"),
      Map.entry("critic-rate", "learner.critic-rate"),
      Map.entry("critic-discount", "learner.critic-discount"),
      Map.entry("weight-decay", "learner.weight-decay"),
      Map.entry("weight-decay-after", "learner.weight-decay-after"),
      Map.entry("period", "loop.period"),
      Map.entry("spin", "loop.spin"),
      Map.entry("idle", "loop.idle"),
      Map.entry("rt-priority", "loop.rt-priority"),
      Map.entry("cpu-set", "loop.cpu-set"),
      Map.entry("per-tick-reward", "reward.per-tick"),
      Map.entry("terminal-reward", "reward.terminal"),
      Map.entry("time-limit-ticks", "episodes.time-limit-ticks"),
      Map.entry("solved-average", "episodes.solved-average"),
      Map.entry("average-window", "episodes.average-window"),
      Map.entry("max-ticks", "run.max-ticks"),
      Map.entry("max-episodes", "run.max-episodes"),
      Map.entry("max-duration", "run.max-duration"),
      Map.entry("warmup-ticks", "run.warmup-ticks"),
      Map.entry("max-consecutive-overruns", "watchdog.max-consecutive-overruns"),
      Map.entry("recover-after-ticks", "watchdog.recover-after-ticks"),
      Map.entry("bump-reward", "rig.bump-reward"),
      Map.entry("beacon-reward", "rig.beacon-reward"));

  private ProfileSettings() {}

  /** Every owner's verdict on {@code profile} with its own run settings; throws the first as {@link ProfileException}. */
  static void check(DeviceProfile profile) {
    List<String> problems = problems(profile);
    if (!problems.isEmpty()) {
      throw new ProfileException(problems.get(0));
    }
  }

  /** Every owner's verdict on {@code profile}, one line each (learner, loop, real-time settings, event rewards, rig channels). */
  static List<String> problems(DeviceProfile profile) {
    List<Runnable> checks = List.of(
        () -> learner(profile, profile.run().seed()),
        () -> loop(profile, LoopAssembly.Overrides.NONE),
        () -> realtime(profile),
        () -> eventRewards(profile),
        () -> {
          if (profile.bridge() == null && profile.hardware() == null) { // a simulated rig
            DeviceProfile.Rig rig = profile.rig();
            channels(profile, SimRigs.create(rig.type(), rig.rewardEvents(), rig.bumpReward(), rig.beaconReward(), 0,
                new ManualNanoClock(0)));
          }
        });
    List<String> problems = new ArrayList<>();
    if (profile.devicesOnBoard()) {
      for (Pi4jBoard.SamplingProblem p : Pi4jBoard.samplingProblems(profile.hardware(), profile.loop().periodNs())) {
        problems.add(profile.error(p.key(), p.message()).getMessage());
      }
    }
    for (Runnable check : checks) {
      try {
        check.run();
      } catch (ProfileException e) {
        problems.add(e.getMessage());
      }
    }
    return problems;
  }

  /** The profile's channel counts against the rig's real ones. */
  static void channels(DeviceProfile profile, Board board) {
    requireChannels(profile, "observation.channels", profile.observation().channels(), board.sensors().channels(),
        "sensor");
    requireChannels(profile, "actions.table", profile.actions().channels(), board.actuators().channels(), "actuator");
  }

  private static void requireChannels(DeviceProfile profile, String key, int declared, int actual, String what) {
    if (declared != actual) {
      throw profile.error(key, "the " + (profile.devicesOnBoard() ? profile.board() : profile.rig().type()) + " rig has " + actual + " " + what + " channels, the profile "
          + declared);
    }
  }

  /** The rewards of the profile's events (GPIO edges, thresholds, microcontroller channels), by the rewards' owner. */
  static void eventRewards(DeviceProfile profile) {
    List<? extends Hardware.EventSpec> events = profile.bridge() != null ? profile.bridge().events()
        : profile.hardware() != null ? profile.hardware().events() : List.of();
    for (Hardware.EventSpec e : events) {
      try {
        LoopSettings.checkReward("reward", e.reward());
      } catch (IllegalArgumentException ex) {
        throw profile.error(e.key() + ".reward", ex.getMessage().substring("reward: ".length()));
      }
    }
  }

  /** The profile's learner, seeded from {@code seed}; validated, not yet allocated. */
  static LearnerConfig learner(DeviceProfile p, long seed) {
    return verdict(p, () -> learnerBuilder(p, seed).build());
  }

  /**
   * The profile's learner settings on a builder, the rule named as {@link Method} names it
   * ({@code nrl-layer}: NRL with per-layer probes); {@code build()} gives the owner's verdict as an
   * {@link IllegalArgumentException} "KEY: message".
   */
  static LearnerConfig.Builder learnerBuilder(DeviceProfile p, long seed) {
    DeviceProfile.LearnerSettings l = p.learner();
    int[] hidden = l.hidden();
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = p.observation().channels();
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = p.actions().table().length;
    if (l.partitionedProbes() && !l.rule().equals(Method.NRL_LAYER.id())) {
      throw new IllegalArgumentException("probe-layout: only rule " + Method.NRL_LAYER.id()
          + " partitions its probes, the rule is " + l.rule());
    }
    if (l.probesPerLayer() != 1 && !l.rule().equals(Method.NRL_LAYER.id())) {
      throw new IllegalArgumentException("probes-per-layer: only rule " + Method.NRL_LAYER.id()
          + " probes more than once, the rule is " + l.rule());
    }
    if (l.budgetNs() > 0 && !l.rule().equals(Method.NRL_LAYER.id())) {
      throw new IllegalArgumentException("budget: only rule " + Method.NRL_LAYER.id()
          + " chooses its probes to fit a budget, the rule is " + l.rule());
    }
    return Method.byId(l.rule()).configure(LearnerConfig.builder(sizes), l.fanOutOn(), l.probesPerLayer(),
            l.partitionedProbes())
        .form(CreditForm.valueOf(p.rewards().form().toUpperCase(Locale.ROOT)))
        .learningRate(l.learningRate())
        .sigma(l.sigma())
        .baselineRate(l.baselineRate())
        .traceDecay(l.traceDecay())
        .biases(l.biases())
        .rewardHistorySteps(l.rewardHistorySteps())
        .exploration(l.exploration())
        .explorationHold(l.explorationHold())
        .criticRate(l.criticRate())
        .criticDiscount(l.criticDiscount())
        .weightDecay(l.weightDecay())
        .weightDecayAfter(l.weightDecayAfter())
        .seed(seed);
  }

  /** The loop's settings: the profile's, with {@code budget}'s values where set; also checks the idle spin and the window. */
  static LoopSettings loop(DeviceProfile profile, LoopAssembly.Overrides budget) {
    DeviceProfile.Episodes ep = profile.episodes();
    DeviceProfile.Run run = profile.run();
    DeviceProfile.Rig rig = profile.rig();
    Mode mode = budget.mode() != null ? budget.mode() : Mode.valueOf(run.mode().toUpperCase(Locale.ROOT));
    return verdict(profile, () -> {
      if (rig != null) { // a real-board profile has no rig section
        LoopSettings.checkReward("bump-reward", rig.bumpReward());
        LoopSettings.checkReward("beacon-reward", rig.beaconReward());
      }
      LoopSettings settings = LoopSettings.builder(profile.loop().periodNs())
          .mode(mode)
          .rewards(profile.rewards().perTick(), profile.rewards().terminal(), ep.timeLimitTicks())
          .solvedAverage(ep.solvedAverage())
          .maxTicks(budget.maxTicks() != null ? budget.maxTicks() : run.maxTicks())
          .maxEpisodes(budget.maxEpisodes() != null ? budget.maxEpisodes() : run.maxEpisodes())
          .maxDurationNs(budget.maxDurationNs() != null ? budget.maxDurationNs() : run.maxDurationNs())
          .watchdog(profile.watchdog().maxConsecutiveOverruns(), profile.watchdog().recoverAfterTicks())
          .warmupTicks(run.warmupTicks())
          .build();
      if (idleName(profile).equals(IdleStrategies.PARK_SPIN)) {
        ParkSpinIdle.checkSpin(spinNs(profile), profile.loop().periodNs());
      }
      EpisodeStats.checkWindow(ep.averageWindow());
      return settings;
    });
  }

  /** The profile's idle strategy name, the runtime's default when unset; checked by its owner. */
  static String idleName(DeviceProfile profile) {
    String name = profile.loop().idle() == null ? IdleStrategies.DEFAULT : profile.loop().idle();
    return verdict(profile, () -> {
      IdleStrategies.check(name);
      return name;
    });
  }

  /** park-spin's spin window, the runtime's default when unset. */
  static long spinNs(DeviceProfile profile) {
    return profile.loop().spinNs() < 0 ? ParkSpinIdle.DEFAULT_SPIN_NS : profile.loop().spinNs();
  }

  /** The control thread's real-time settings; checked by their owners. */
  static RealtimeScheduling.Request realtime(DeviceProfile profile) {
    DeviceProfile.Loop l = profile.loop();
    return verdict(profile, () -> {
      RealtimeScheduling.checkPriority(l.rtPriority());
      CpuSet cpus = null;
      if (l.cpuSet() != null) {
        try {
          cpus = CpuSet.parse(l.cpuSet());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("cpu-set: " + e.getMessage(), e);
        }
      }
      return new RealtimeScheduling.Request(l.rtPriority(), cpus, l.lockMemory());
    });
  }

  /** Runs an owner's check; its "KEY: message" verdict becomes a profile error at that key. */
  private static <T> T verdict(DeviceProfile profile, java.util.function.Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "invalid" : e.getMessage();
      int colon = message.indexOf(": ");
      String key = colon < 0 ? null : PROFILE_KEYS.get(message.substring(0, colon));
      if (key == null) {
        throw new ProfileException(profile.source() + ": " + message);
      }
      throw profile.error(key, message.substring(colon + 2));
    }
  }
}
