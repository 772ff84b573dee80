package io.nrledge.cli;

import io.nrledge.profiles.DeviceProfile;
import io.nrledge.runtime.ControlLoop;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Compiles the tick path before a real-time run writes its first real actuator command: the
 * profile's loop runs on a simulated twin of the rig, on a virtual clock, for
 * {@code loop.dry-run-ticks} ticks, and is thrown away (its learner, plant and statistics are
 * separate objects). The JIT's compiled code is shared by class, so the real loop starts warm.
 * Not real-time safe.
 */
record DryRun(long ticks, double millis) {
  static final DryRun NONE = new DryRun(0, 0);

  /** Runs the dry run; {@code running} holds its loop meanwhile, so a stop signal can end it early. */
  static DryRun run(DeviceProfile profile, LoopAssembly.Overrides overrides, AtomicReference<ControlLoop> running) {
    long ticks = profile.loop().dryRunTicks();
    if (ticks == 0) {
      return NONE;
    }
    long startNs = System.nanoTime();
    LoopAssembly twin = LoopAssembly.simulatedTwin(profile, overrides, ticks);
    twin.startBoard();
    running.set(twin.loop);
    try {
      twin.loop.run();
    } finally {
      running.set(null);
      twin.board.stop();
    }
    return new DryRun(twin.loop.ticks(), (System.nanoTime() - startNs) / 1e6);
  }
}
