package io.nrledge.cli;

import io.nrledge.bridge.BridgeBoard;
import io.nrledge.bridge.BridgeLink;
import io.nrledge.bridge.BridgeProtocol;
import io.nrledge.bridge.BridgeSettings;
import io.nrledge.bridge.EventMapping;
import io.nrledge.bridge.FirmwareProcess;
import io.nrledge.bridge.JSerialCommLink;
import io.nrledge.io.Board;
import io.nrledge.io.pi4j.Pi4jBoard;
import io.nrledge.io.pi4j.Pi4jPlatform;
import io.nrledge.io.sim.RoverReference;
import io.nrledge.io.sim.SimRigs;
import io.nrledge.learner.SplitMix64;
import io.nrledge.runtime.Controller;
import io.nrledge.runtime.RealtimeScheduling;
import io.nrledge.runtime.RandomController;
import io.nrledge.learner.Learner;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.Learners;
import io.nrledge.profiles.DeviceProfile;
import io.nrledge.profiles.Hardware;
import io.nrledge.runtime.ActionMap;
import io.nrledge.runtime.ControlLoop;
import io.nrledge.runtime.EventRing;
import io.nrledge.runtime.EventSourceCounts;
import io.nrledge.runtime.FaultKind;
import io.nrledge.runtime.IdleStrategies;
import io.nrledge.runtime.IdleStrategy;
import io.nrledge.runtime.LoopSettings;
import io.nrledge.io.ManualNanoClock;
import io.nrledge.runtime.Mode;
import io.nrledge.io.NanoClock;
import io.nrledge.io.SystemNanoClock;
import io.nrledge.runtime.TickPhase;
import io.nrledge.runtime.ObservationMap;
import io.nrledge.runtime.VirtualTimeIdle;
import io.nrledge.telemetry.LoopTelemetry;
import io.nrledge.telemetry.RunRecorder;
import java.nio.file.Path;

/**
 * Wires one control loop from a validated profile: the clock and idle strategy of its time mode,
 * the simulated rig or the firmware bridge (launching its simulator when the profile says so), the learner, the observation and action maps, the event ring and the
 * telemetry. Checks the profile against the rig's real channel counts, pointing into the file.
 * Not real-time safe; nothing here runs on the control thread.
 */
final class LoopAssembly {
  static final int EVENT_RING_CAPACITY = 1024;
  private static final long RANDOM_POLICY_SALT = 0x8A8B1E5EEDL;

  final DeviceProfile profile;
  final boolean fast;
  final NanoClock clock;
  final IdleStrategy idle;
  final Board board;
  final EventRing events = new EventRing(EVENT_RING_CAPACITY);
  final Learner learner;
  final LoopTelemetry telemetry;
  /** Per-tick records for the run folder's telemetry (the run's writer drains them). */
  final RunRecorder recorder;
  final LoopSettings settings;
  final ControlLoop loop;
  final EventSourceCounts eventCounts;
  final RealtimeScheduling.Request realtime;
  /** Chooses the actions in random and reference mode, else null. */
  final Controller controller;
  /** The microcontroller board of a bridge profile, else null. */
  final BridgeBoard bridge;
  /** The firmware simulator a bridge profile launched, else null; {@link #close} stops it. */
  final FirmwareProcess firmware;
  /** The Raspberry Pi board of a real-board profile (on Pi4J's mock platform under {@code --mock}), else null. */
  final Pi4jBoard pi4j;
  /** Where the I/O happens, as the summary names it: {@code sim}, {@code bridge}, {@code pi4j} or {@code mock}. */
  final String platform;

  /** Budgets in {@code budget} replace the profile's when > 0 (or non-null for mode/time). */
  LoopAssembly(DeviceProfile profile, Overrides budget) {
    this(profile, budget, false);
  }

  /**
   * Budgets in {@code budget} replace the profile's when > 0 (or non-null for mode/time);
   * {@code mock} runs a real-board profile on Pi4J's mock platform.
   */
  LoopAssembly(DeviceProfile profile, Overrides budget, boolean mock) {
    this.profile = profile;
    this.fast = budget.time() != null ? budget.time().equals("fast") : profile.loop().time().equals("fast");
    long seed = budget.seed() != null ? budget.seed() : profile.run().seed();
    if (fast) {
      ManualNanoClock virtual = new ManualNanoClock(0);
      this.clock = virtual;
      this.idle = new VirtualTimeIdle(virtual);
    } else {
      this.clock = SystemNanoClock.INSTANCE;
      this.idle = IdleStrategies.create(ProfileSettings.idleName(profile), ProfileSettings.spinNs(profile), clock);
    }
    LearnerConfig learnerConfig = ProfileSettings.learner(profile, seed);
    ProfileSettings.eventRewards(profile);
    this.settings = ProfileSettings.loop(profile, budget);
    DeviceProfile.Rig rig = profile.rig();
    if (mock && !profile.devicesOnBoard()) {
      throw new UsageException("--mock: " + profile.source() + " is not a real-board profile (board: " + profile.board()
          + (profile.hardware() != null ? ", rig: " + rig.type() : "") + "); --mock runs a raspberry-pi-4/5 profile on Pi4J's mock platform");
    }
    if (profile.devicesOnBoard()) {
      if (fast) {
        throw new UsageException("--fast: the " + profile.board() + " board of " + profile.source()
            + " runs in real time (also under --mock)");
      }
      this.firmware = null;
      this.bridge = null;
      Pi4jPlatform pi4jPlatform = mock ? Pi4jPlatform.mock() : Pi4jPlatform.raspberryPi();
      try {
        this.pi4j = new Pi4jBoard(profile.hardware(), pi4jPlatform, profile.actions().safe(), settings.periodNs(), clock);
      } catch (Pi4jBoard.ConfigurationException e) {
        pi4jPlatform.close();
        throw profile.error(e.key(), e.getMessage());
      }
      this.board = pi4j;
      this.platform = pi4jPlatform.label();
    } else if (profile.bridge() != null) {
      this.pi4j = null;
      this.platform = "bridge";
      if (fast) {
        throw new UsageException("--fast: the bridge rig of " + profile.source() + " runs against a real device");
      }
      BridgeSettings bridgeSettings = bridgeSettings(profile); // validated before anything starts
      this.firmware = launchFirmware(profile.bridge());
      this.bridge = new BridgeBoard(new BridgeLink(bridgeSettings, new JSerialCommLink(profile.bridge().port(),
          profile.bridge().baud(), 20), clock), profile.bridge().plant().equals("track"), eventMapping(profile.bridge()));
      this.board = bridge;
    } else {
      this.pi4j = null;
      this.platform = "sim";
      this.firmware = null;
      this.bridge = null;
      this.board = SimRigs.create(rig.type(), rig.rewardEvents(), rig.bumpReward(), rig.beaconReward(),
          SplitMix64.mix(seed ^ 0x5EEDL), clock);
    }
    try {
      ProfileSettings.channels(profile, board);
      this.learner = Learners.create(learnerConfig);
      DeviceProfile.Episodes ep = profile.episodes();
      this.telemetry = new LoopTelemetry(TickPhase.labels(), FaultKind.labels(), ep.averageWindow());
      this.recorder = new RunRecorder(profile.observation().channels());
      telemetry.attach(recorder);
      DeviceProfile.Observation o = profile.observation();
      DeviceProfile.Actions a = profile.actions();
      this.eventCounts = new EventSourceCounts(board.eventSources());
      RealtimeScheduling.Request requested = ProfileSettings.realtime(profile); // checked in fast mode too
      this.realtime = fast ? RealtimeScheduling.Request.NONE : requested;
      ActionMap actionMap = new ActionMap(a.table(), a.min(), a.max(), a.slewPerTick(), a.safe());
      this.controller = controller(settings.mode(), actionMap, seed);
      this.loop = new ControlLoop(settings, clock, idle, SystemNanoClock.INSTANCE, board, learner,
          controller, new ObservationMap(o.offset(), o.scale(), o.min(), o.max()), actionMap,
          events, telemetry);
    } catch (RuntimeException e) {
      close(); // a launched firmware simulator must not outlive a failed assembly
      throw e;
    }
  }

  /**
   * The same loop on a simulated twin of the rig, on a virtual clock, for {@code ticks} ticks: for
   * compiling the tick path without touching the real board (see {@link DryRun}).
   */
  static LoopAssembly simulatedTwin(DeviceProfile profile, Overrides overrides, long ticks) {
    return new LoopAssembly(profile, new Overrides(overrides.seed(), overrides.mode(), "fast", ticks, null, null));
  }

  /** Configures and activates the board, each event source posting through its counter into the ring. Not real-time safe. */
  void startBoard() {
    try {
      board.start(source -> eventCounts.sinkFor(source, events));
    } catch (Pi4jBoard.HardwareException e) {
      throw e.locatedAt(profile.where(e.key())); // FILE:LINE:COL: sensors[1]: what failed
    } catch (IllegalStateException e) {
      throw new DeviceStartException(e); // the device's own one-line reason ("bridge: no HELLO from ...")
    }
  }

  /** What chooses the actions in the fixed-policy modes; null when the learner does. */
  private Controller controller(Mode mode, ActionMap actions, long seed) {
    return switch (mode) {
      case TRAIN, EVAL -> null;
      case RANDOM -> new RandomController(actions.actions(), SplitMix64.mix(seed ^ RANDOM_POLICY_SALT));
      case REFERENCE -> {
        if (profile.rig() == null || !SimRigs.hasReferenceController(profile.rig().type())) {
          throw new UsageException("--mode reference: only the " + String.join(", ", SimRigs.WITH_REFERENCE)
              + " rig has a hand-written reference controller; " + profile.name() + " is a " + rigName()
              + " rig");
        }
        RoverReference reference = new RoverReference();
        double[] wheels = new double[actions.channels()];
        yield (observation, raw) -> {
          reference.wheelSpeeds(raw, wheels);
          return actions.nearestAction(wheels);
        };
      }
    };
  }

  /** Stops the firmware simulator the profile launched, if any, and shuts a Pi4J context down (idempotent). Call after {@code board.stop()}. */
  void close() {
    if (firmware != null) {
      firmware.close();
    }
    if (pi4j != null) {
      pi4j.platform().close();
    }
  }

  /** The rig type, or the board of a real-board profile, for messages. */
  private String rigName() {
    return profile.devicesOnBoard() ? profile.board() : profile.rig().type();
  }

  private static FirmwareProcess launchFirmware(DeviceProfile.Bridge b) {
    if (b.launch().isEmpty()) {
      return null;
    }
    Path log = Path.of(System.getProperty("java.io.tmpdir"), "nrl-edge-firmware-" + ProcessHandle.current().pid() + ".log");
    return FirmwareProcess.start(b.launch(), Path.of("").toAbsolutePath(), Path.of(b.port()), log,
        b.launchTimeoutNs() / 1_000_000);
  }

  /** The profile's microcontroller events as the bridge's per-channel mapping. */
  static EventMapping eventMapping(DeviceProfile.Bridge b) {
    int n = b.events().size();
    int[] channels = new int[n];
    double[] rewards = new double[n];
    boolean[] terminals = new boolean[n];
    for (int i = 0; i < n; i++) {
      Hardware.Microcontroller e = b.events().get(i);
      channels[i] = e.channel();
      rewards[i] = e.reward();
      terminals[i] = e.terminal();
    }
    return new EventMapping(channels, rewards, terminals);
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
}
