package io.nrledge.cli;

import io.nrledge.io.Board;
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

/**
 * Wires one control loop from a validated profile: the clock and idle strategy of its time mode,
 * the simulated rig, the learner, the observation and action maps, the event ring and the
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
  final Learner learner;
  final EventRing events = new EventRing(EVENT_RING_CAPACITY);
  final LoopTelemetry telemetry;
  final LoopSettings settings;
  final ControlLoop loop;
  final EventSourceCounts eventCounts;
  final RealtimeScheduling.Request realtime;

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
      this.idle = IdleStrategies.create(ProfileSettings.idleName(profile), ProfileSettings.spinNs(profile), clock);
    }
    LearnerConfig learnerConfig = ProfileSettings.learner(profile, seed);
    this.settings = ProfileSettings.loop(profile, budget);
    DeviceProfile.Rig rig = profile.rig();
    this.board = SimRigs.create(rig.type(), rig.rewardEvents(), rig.bumpReward(), rig.beaconReward(),
        SplitMix64.mix(seed ^ 0x5EEDL), clock);
    requireChannels("observation.channels", profile.observation().channels(), board.sensors().channels(), "sensor");
    requireChannels("actions.table", profile.actions().channels(), board.actuators().channels(), "actuator");
    this.learner = Learners.create(learnerConfig);
    DeviceProfile.Episodes ep = profile.episodes();
    this.telemetry = new LoopTelemetry(TickPhase.labels(), FaultKind.labels(), ep.averageWindow());
    DeviceProfile.Observation o = profile.observation();
    DeviceProfile.Actions a = profile.actions();
    this.eventCounts = new EventSourceCounts(board.eventSources());
    RealtimeScheduling.Request requested = ProfileSettings.realtime(profile); // checked in fast mode too
    this.realtime = fast ? RealtimeScheduling.Request.NONE : requested;
    ActionMap actionMap = new ActionMap(a.table(), a.min(), a.max(), a.slewPerTick(), a.safe());
    this.loop = new ControlLoop(settings, clock, idle, SystemNanoClock.INSTANCE, board, learner,
        controller(settings.mode(), actionMap, seed), new ObservationMap(o.offset(), o.scale(), o.min(), o.max()), actionMap,
        events, telemetry);
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
    board.start(source -> eventCounts.sinkFor(source, events));
  }

  /** What chooses the actions in the fixed-policy modes; null when the learner does. */
  private Controller controller(Mode mode, ActionMap actions, long seed) {
    return switch (mode) {
      case TRAIN, EVAL -> null;
      case RANDOM -> new RandomController(actions.actions(), SplitMix64.mix(seed ^ RANDOM_POLICY_SALT));
      case REFERENCE -> {
        if (!SimRigs.hasReferenceController(profile.rig().type())) {
          throw new UsageException("--mode reference: only the " + String.join(", ", SimRigs.WITH_REFERENCE)
              + " rig has a hand-written reference controller; " + profile.name() + " is a " + profile.rig().type()
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
}
