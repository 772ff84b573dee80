package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.io.sim.Rover;
import io.nrledge.profiles.DeviceProfile;
import io.nrledge.profiles.ProfileLoader;
import io.nrledge.io.ManualNanoClock;
import io.nrledge.runtime.Mode;
import io.nrledge.telemetry.RewardWindows;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rover profile, continuing form, rewards only from its bumper and beacon switches: it learns to
 * stop bumping, (fixed seeds, none of them tuning or evaluation seeds) ends above random actions and
 * above its own start, and within 14 simulated hours seeks the lamp at 80 % of the reference
 * controller's rate or more, on every seed above the same rule with the plain reward baseline and no
 * decay.
 */
class RoverLearningTest {
  private static final long WINDOW_TICKS = 50_000;
  private static final long TRAINING_TICKS = 300_000;
  /** About 14 simulated hours at 50 ms, as in RESULTS.md. */
  private static final long LONG_TICKS = 1_000_000;
  private static final double TICKS_PER_HOUR = 72_000;

  private static LoopAssembly rover(Mode mode) {
    return rover(mode, null);
  }

  private static LoopAssembly rover(Mode mode, Long seed) {
    return rover(mode, seed, profile());
  }

  private static DeviceProfile profile() {
    return ProfileLoader.load(Path.of(System.getProperty("nrledge.projectDir", "."), "device-profiles", "sim-rover.yaml"));
  }

  /** The profile's learner with the running-average reward baseline instead of the critic, and no decay. */
  private static DeviceProfile withoutCritic() {
    DeviceProfile p = profile();
    DeviceProfile.LearnerSettings l = p.learner();
    return p.withLearner(new DeviceProfile.LearnerSettings(l.hidden(), l.rule(), l.learningRate(), l.sigma(),
        l.baselineRate(), l.traceDecay(), l.biases(), l.fanOut(), l.rewardHistorySteps(), l.probesPerLayer(),
        l.budgetNs(), l.exploration(), l.explorationHold(), 0.0, l.criticDiscount(), 0.0, 0, l.partitionedProbes()));
  }

  private static LoopAssembly rover(Mode mode, Long seed, DeviceProfile profile) {
    LoopAssembly a = new LoopAssembly(profile, new LoopAssembly.Overrides(seed, mode, null, null, null, null));
    a.board.start(a.events);
    return a;
  }

  /** Reward per 1,000 ticks in the first and last tenth of {@code n} ticks. */
  private static double[] firstAndLastRate(LoopAssembly a, long n) {
    bumpsOver(a, n);
    RewardWindows w = a.telemetry.rewardWindows();
    return new double[] {w.ratePer1000(0, n / 10), w.ratePer1000(n - n / 10, n)};
  }

  /** Bumps during {@code n} ticks. */
  private static long bumpsOver(LoopAssembly a, long n) {
    Rover rover = (Rover) a.board;
    ManualNanoClock clock = (ManualNanoClock) a.clock;
    long before = rover.bumps();
    for (long i = 0; i < n; i++) {
      a.loop.tick(clock.nanoTime());
      clock.advance(a.settings.periodNs());
    }
    return rover.bumps() - before;
  }

  /** Beacons per simulated hour (every +1 is a beacon) in the last tenth of {@code n} ticks. */
  private static double lastTenthBeaconsPerHour(LoopAssembly a, long n) {
    bumpsOver(a, n);
    return a.telemetry.rewardWindows().gainRatePer1000(n - n / 10, n) * TICKS_PER_HOUR / 1000;
  }

  @Test
  void shouldBumpFarLessThanItsUntrainedPolicyAfterLearningFromSwitchEventsAlone() {
    long untrained = bumpsOver(rover(Mode.EVAL), WINDOW_TICKS);
    LoopAssembly learning = rover(Mode.TRAIN);
    bumpsOver(learning, TRAINING_TICKS);

    long trained = bumpsOver(learning, WINDOW_TICKS);

    assertTrue(untrained > 1000, "the untrained policy bumps often: " + untrained + " in " + WINDOW_TICKS + " ticks");
    assertTrue(trained * 10 < untrained, "bumps per " + WINDOW_TICKS + " ticks: untrained " + untrained + ", trained " + trained);
    assertEquals(0, learning.events.drops());
  }

  @ParameterizedTest
  @ValueSource(longs = {201, 202, 203})
  void shouldEndAboveRandomAndAboveItsOwnStartWithTheProfilesRule(long seed) {
    double[] random = firstAndLastRate(rover(Mode.RANDOM, seed), TRAINING_TICKS);
    double[] learning = firstAndLastRate(rover(Mode.TRAIN, seed), TRAINING_TICKS);

    assertTrue(learning[1] > random[1], "last tenth, reward per 1,000 ticks: learning " + learning[1]
        + ", random " + random[1]);
    assertTrue(learning[1] > learning[0], "learning: first tenth " + learning[0] + ", last tenth " + learning[1]);
    // more beacons than bumps at the end; the same network not learning (--lr 0) stays at -50 to -110 here
    assertTrue(learning[1] > 0, "learning: last tenth " + learning[1]);
  }

  @Test
  void shouldSeekTheLampNearTheReferenceRateAndFasterThanWithoutTheCriticAndDecay() {
    double reference = lastTenthBeaconsPerHour(rover(Mode.REFERENCE, 201L), TRAINING_TICKS);
    long[] seeds = {201, 202, 203, 204};
    int nearReference = 0;
    int aboveBaseline = 0;
    StringBuilder seen = new StringBuilder();
    for (long seed : seeds) {
      double learned = lastTenthBeaconsPerHour(rover(Mode.TRAIN, seed), LONG_TICKS);
      double plain = lastTenthBeaconsPerHour(rover(Mode.TRAIN, seed, withoutCritic()), LONG_TICKS);
      nearReference += learned >= 0.8 * reference ? 1 : 0;
      aboveBaseline += learned > plain ? 1 : 0;
      seen.append(String.format(" seed %d: %.0f vs %.0f;", seed, learned, plain));
    }
    String detail = "beacons/h in the last tenth, profile vs plain baseline (reference " + Math.round(reference) + "):" + seen;
    assertTrue(reference > 600, "the reference controller seeks the lamp: " + reference);
    // RESULTS.md: 97 % of the reference on the evaluation seeds, the lowest seed at 89 %
    assertEquals(seeds.length, nearReference, detail);
    assertEquals(seeds.length, aboveBaseline, detail);
  }
}
