package io.nrledge.cli;

import io.nrledge.profiles.DeviceProfile;

/**
 * Compiles the tick path before a real-time run writes its first real actuator command: the
 * profile's loop runs on a simulated twin of the rig, on a virtual clock, for
 * {@code loop.dry-run-ticks} ticks, and is thrown away (its learner, plant and statistics are
 * separate objects). The JIT's compiled code is shared by class, so the real loop starts warm.
 * Not real-time safe.
 */
record DryRun(long ticks, double millis) {
  static final DryRun NONE = new DryRun(0, 0);

  static DryRun run(DeviceProfile profile, LoopAssembly.Overrides overrides) {
    long ticks = profile.loop().dryRunTicks();
    if (ticks == 0) {
      return NONE;
    }
    long startNs = System.nanoTime();
    LoopAssembly twin = LoopAssembly.simulatedTwin(profile, overrides, ticks);
    twin.startBoard();
    try {
      twin.loop.run();
    } finally {
      twin.board.stop();
    }
    return new DryRun(twin.loop.ticks(), (System.nanoTime() - startNs) / 1e6);
  }
}
