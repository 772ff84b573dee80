package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.io.sim.Rover;
import io.nrledge.profiles.DeviceProfile;
import io.nrledge.profiles.ProfileLoader;
import io.nrledge.io.ManualNanoClock;
import io.nrledge.runtime.Mode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The rover profile, continuing form, rewards only from its bumper and beacon switches: it learns to stop bumping. */
class RoverLearningTest {
  private static final long WINDOW_TICKS = 50_000;
  private static final long TRAINING_TICKS = 300_000;

  private static LoopAssembly rover(Mode mode) {
    DeviceProfile profile = ProfileLoader.load(Path.of(System.getProperty("nrledge.projectDir", "."),
        "device-profiles", "sim-rover.yaml"));
    LoopAssembly a = new LoopAssembly(profile, new LoopAssembly.Overrides(null, mode, null, null, null, null));
    a.board.start(a.events);
    return a;
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
}
