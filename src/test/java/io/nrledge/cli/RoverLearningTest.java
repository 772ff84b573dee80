package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.io.sim.Rover;
import io.nrledge.profiles.ProfileLoader;
import io.nrledge.runtime.ManualNanoClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The rover profile, continuing form, rewards only from its bumper and beacon switches: it learns to stop bumping. */
class RoverLearningTest {
  private static final long EARLY_TICKS = 20_000;
  private static final long WINDOW_TICKS = 100_000;

  private static void ticks(LoopAssembly a, ManualNanoClock clock, long n) {
    for (long i = 0; i < n; i++) {
      a.loop.tick(clock.nanoTime());
      clock.advance(a.settings.periodNs());
    }
  }

  @Test
  void shouldBumpFarLessAfterLearningFromSwitchEventsAlone() {
    LoopAssembly a = new LoopAssembly(ProfileLoader.load(Path.of(System.getProperty("nrledge.projectDir", "."),
        "device-profiles", "sim-rover.yaml")), LoopAssembly.Overrides.NONE);
    Rover rover = (Rover) a.board;
    a.board.start(a.events);
    ManualNanoClock clock = (ManualNanoClock) a.clock;

    ticks(a, clock, EARLY_TICKS);
    long earlyBumps = rover.bumps();
    ticks(a, clock, 4 * WINDOW_TICKS);
    long lateStart = rover.bumps();
    ticks(a, clock, WINDOW_TICKS);
    long lateBumps = rover.bumps() - lateStart;

    double earlyRate = (double) earlyBumps / EARLY_TICKS;
    double lateRate = (double) lateBumps / WINDOW_TICKS;
    assertTrue(earlyBumps > 100, "a fresh policy bumps often: " + earlyBumps + " in " + EARLY_TICKS + " ticks");
    assertTrue(lateRate * 10 < earlyRate, "bumps per tick: first " + earlyRate + ", last " + lateRate);
    assertEquals(0, a.events.drops());
  }
}
