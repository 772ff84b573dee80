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
 * stop bumping, and (fixed seeds, none of them tuning or evaluation seeds) ends above random actions
 * and above its own start.
 */
class RoverLearningTest {
  private static final long WINDOW_TICKS = 50_000;
  private static final long TRAINING_TICKS = 300_000;

  private static LoopAssembly rover(Mode mode) {
    return rover(mode, null);
  }

  private static LoopAssembly rover(Mode mode, Long seed) {
    DeviceProfile profile = ProfileLoader.load(Path.of(System.getProperty("nrledge.projectDir", "."),
        "device-profiles", "sim-rover.yaml"));
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
}
