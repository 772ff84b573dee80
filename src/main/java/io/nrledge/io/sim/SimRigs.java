package io.nrledge.io.sim;

import io.nrledge.env.Environments;
import io.nrledge.io.Board;
import io.nrledge.io.NanoClock;
import java.util.List;

/** Builds a simulated rig by type name. Not real-time safe. */
public final class SimRigs {
  /** The rig types with a hand-written reference controller. */
  public static final List<String> WITH_REFERENCE = List.of("rover");

  private SimRigs() {}

  public static boolean hasReferenceController(String type) {
    return WITH_REFERENCE.contains(type);
  }

  /**
   * @param rewardEvents env rigs: post each step's reward as an event
   * @param bumpReward rover: reward posted by the bumper
   * @param beaconReward rover: reward posted by the lamp beacon
   * @param seed plant randomness (start states, lamp positions)
   * @param clock the control loop's clock, which steps the plant and stamps its events
   */
  public static Board create(String type, boolean rewardEvents, double bumpReward, double beaconReward, long seed,
      NanoClock clock) {
    return switch (type) {
      // the physical command each environment action stands for
      case "cartpole" -> new EnvRig(Environments.create(type), new double[][] {{-10.0}, {10.0}}, rewardEvents, seed, clock);
      case "acrobot" -> new EnvRig(Environments.create(type), new double[][] {{-1.0}, {0.0}, {1.0}}, rewardEvents, seed, clock);
      case "reaching" -> new EnvRig(Environments.create(type), new double[][] {{0.0}, {0.05}, {-0.05}}, rewardEvents, seed, clock);
      case "rover" -> new Rover(seed, bumpReward, beaconReward, clock);
      // the profile loader owns the rig names a profile may use
      default -> throw new IllegalArgumentException("no simulated rig of type '" + type + "'");
    };
  }
}
