package io.nrledge.cli;

import io.nrledge.bridge.BridgeBoard;
import io.nrledge.bridge.BridgeLink;
import io.nrledge.bridge.BridgeProtocol;
import io.nrledge.bridge.BridgeSettings;
import io.nrledge.bridge.FirmwareProcess;
import io.nrledge.bridge.JSerialCommLink;
import io.nrledge.io.Board;
import io.nrledge.io.sim.SimRigs;
import io.nrledge.learner.CreditForm;
import io.nrledge.learner.Learner;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.Learners;
import io.nrledge.learner.Rule;
import io.nrledge.profiles.DeviceProfile;
import io.nrledge.runtime.ActionMap;
import io.nrledge.runtime.ControlLoop;
import io.nrledge.runtime.EventRing;
import io.nrledge.runtime.FaultKind;
import io.nrledge.runtime.IdleStrategy;
import io.nrledge.runtime.LoopSettings;
import io.nrledge.io.ManualNanoClock;
import io.nrledge.runtime.Mode;
import io.nrledge.io.NanoClock;
import io.nrledge.runtime.ParkIdle;
import io.nrledge.runtime.ParkSpinIdle;
import io.nrledge.runtime.SpinIdle;
import io.nrledge.io.SystemNanoClock;
import io.nrledge.runtime.TickPhase;
import io.nrledge.runtime.ObservationMap;
import io.nrledge.runtime.VirtualTimeIdle;
import io.nrledge.telemetry.LoopTelemetry;
import java.nio.file.Path;

/**
 * Wires one control loop from a validated profile: the clock and idle strategy of its time mode,
 * the simulated rig or the firmware bridge (launching its simulator when the profile says so), the learner, the observation and action maps, the event ring and the
 * telemetry. Checks the profile against the rig's real channel counts, pointing into the file.
 * Not real-time safe; nothing here runs on the control thread.
 */
final class LoopAssembly {
  static final int EVENT_RING_CAPACITY = 1024;

  final DeviceProfile profile;
  final boolean fast;
  final NanoClock clock;
  final IdleStrategy idle;
  final Board board;
  final EventRing events = new EventRing(EVENT_RING_CAPACITY);
  /** The microcontroller board of a bridge profile, else null. */
  final BridgeBoard bridge;
  /** The firmware simulator a bridge profile launched, else null; {@link #close} stops it. */
  final FirmwareProcess firmware;
  Learner learner;
  LoopTelemetry telemetry;
  LoopSettings settings;
  ControlLoop loop;

  /** Budgets in {@code budget} replace the profile's when > 0 (or non-null for mode/time). */
  LoopAssembly(DeviceProfile profile, Overrides budget) {
    this.profile = profile;
    this.fast = budget.time() != null ? budget.time().equals("fast") : profile.loop().time().equals("fast");
    long seed = budget.seed() != null ? budget.seed() : profile.run().seed();
    if (fast) {
      ManualNanoClock virtual = new ManualNanoClock(0);
      this.clock = virtual;
      this.idle = new VirtualTimeIdle(virtual);
    } else {
      this.clock = SystemNanoClock.INSTANCE;
      this.idle = idleStrategy(profile.loop().idle(), profile.loop().spinNs(), clock);
    }
    DeviceProfile.Rig rig = profile.rig();
    if (profile.bridge() != null) {
      if (fast) {
        throw new UsageException("--fast: the bridge rig of " + profile.source() + " runs against a real device");
      }
      BridgeSettings bridgeSettings = bridgeSettings(profile); // validated before anything starts
      this.firmware = launchFirmware(profile.bridge());
      this.bridge = new BridgeBoard(new BridgeLink(bridgeSettings, new JSerialCommLink(profile.bridge().port(),
          profile.bridge().baud(), 20), clock), profile.bridge().plant().equals("track"));
      this.board = bridge;
    } else {
      this.firmware = null;
      this.bridge = null;
      this.board = SimRigs.create(rig.type(), rig.rewardEvents(), rig.bumpReward(), rig.beaconReward(),
          io.nrledge.learner.SplitMix64.mix(seed ^ 0x5EEDL), clock);
    }
    try {
      wire(profile, budget, seed);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void wire(DeviceProfile profile, Overrides budget, long seed) {
    requireChannels("observation.channels", profile.observation().channels(), board.sensors().channels(), "sensor");
    requireChannels("actions.table", profile.actions().channels(), board.actuators().channels(), "actuator");
    this.learner = Learners.create(learnerConfig(profile, seed));
    Mode mode = budget.mode() != null ? budget.mode() : Mode.valueOf(profile.run().mode().toUpperCase(java.util.Locale.ROOT));
    DeviceProfile.Episodes ep = profile.episodes();
    DeviceProfile.Run run = profile.run();
    this.settings = LoopSettings.builder(profile.loop().periodNs())
        .mode(mode)
        .rewards(profile.rewards().perTick(), profile.rewards().terminal(), ep.timeLimitTicks())
        .solvedAverage(ep.solvedAverage())
        .maxTicks(budget.maxTicks() != null ? budget.maxTicks() : run.maxTicks())
        .maxEpisodes(budget.maxEpisodes() != null ? budget.maxEpisodes() : run.maxEpisodes())
        .maxDurationNs(budget.maxDurationNs() != null ? budget.maxDurationNs() : run.maxDurationNs())
        .watchdog(profile.watchdog().maxConsecutiveOverruns(), profile.watchdog().recoverAfterTicks())
        .warmupTicks(run.warmupTicks())
        .build();
    this.telemetry = new LoopTelemetry(TickPhase.labels(), FaultKind.labels(), ep.averageWindow());
    DeviceProfile.Observation o = profile.observation();
    DeviceProfile.Actions a = profile.actions();
    this.loop = new ControlLoop(settings, clock, idle, SystemNanoClock.INSTANCE, board, learner,
        new ObservationMap(o.offset(), o.scale(), o.min(), o.max()),
        new ActionMap(a.table(), a.min(), a.max(), a.slewPerTick(), a.safe()), events, telemetry);
  }

  /** Stops the firmware simulator the profile launched, if any. Call after {@code board.stop()}. */
  void close() {
    if (firmware != null) {
      firmware.close();
    }
  }

  private static FirmwareProcess launchFirmware(DeviceProfile.Bridge b) {
    if (b.launch().isEmpty()) {
      return null;
    }
    Path log = Path.of(System.getProperty("java.io.tmpdir"), "nrl-edge-firmware-" + ProcessHandle.current().pid() + ".log");
    return FirmwareProcess.start(b.launch(), Path.of("").toAbsolutePath(), Path.of(b.port()), log,
        b.launchTimeoutNs() / 1_000_000);
  }

  private static BridgeSettings bridgeSettings(DeviceProfile p) {
    DeviceProfile.Bridge b = p.bridge();
    try {
      return new BridgeSettings(b.port(), b.baud(), p.observation().channels(), p.actions().channels(),
          (int) (b.samplePeriodNs() / 1000), (int) (b.failsafeTimeoutNs() / 1_000_000),
          b.plant().equals("track") ? BridgeProtocol.PLANT_TRACK : BridgeProtocol.PLANT_PINS, b.connectTimeoutNs());
    } catch (IllegalArgumentException e) {
      throw p.error("bridge", e.getMessage());
    }
  }

  /** Command-line values that replace the profile's; null keeps the profile's. */
  record Overrides(Long seed, Mode mode, String time, Long maxTicks, Long maxEpisodes, Long maxDurationNs) {
    static final Overrides NONE = new Overrides(null, null, null, null, null, null);
  }

  private void requireChannels(String key, int declared, int actual, String what) {
    if (declared != actual) {
      throw profile.error(key, "the " + profile.rig().type() + " rig has " + actual + " " + what + " channels, the profile "
          + declared);
    }
  }

  static IdleStrategy idleStrategy(String name, long spinNs, NanoClock clock) {
    return switch (name) {
      case "spin" -> new SpinIdle(clock);
      case "park" -> new ParkIdle(clock);
      case "park-spin" -> new ParkSpinIdle(clock, spinNs);
      default -> throw new UsageException("unknown idle strategy '" + name + "' (park-spin, spin, park)");
    };
  }

  private LearnerConfig learnerConfig(DeviceProfile p, long seed) {
    DeviceProfile.LearnerSettings l = p.learner();
    int[] hidden = l.hidden();
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = p.observation().channels();
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = p.actions().table().length;
    try {
      return LearnerConfig.builder(sizes)
          .rule(Rule.valueOf(l.rule().toUpperCase(java.util.Locale.ROOT).replace('-', '_')))
          .form(form(p.rewards().form()))
          .learningRate(l.learningRate())
          .sigma(l.sigma())
          .baselineRate(l.baselineRate())
          .traceDecay(l.traceDecay())
          .biases(l.biases())
          .fanOut(l.fanOut())
          .rewardHistorySteps(l.rewardHistorySteps())
          .seed(seed)
          .build();
    } catch (IllegalArgumentException e) {
      throw p.error("learner", e.getMessage());
    }
  }

  private static CreditForm form(String name) {
    return CreditForm.valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
