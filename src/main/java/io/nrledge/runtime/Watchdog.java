package io.nrledge.runtime;

/**
 * Decides when the rig goes to safe state and when it may leave it.
 *
 * <p>Trips on: {@code maxConsecutiveOverruns} overrunning ticks in a row; any sensor read that
 * times out, fails or throws; an observation that is not finite or out of range; an actuator
 * write that fails or throws; a failed episode reset; a learner that throws; non-finite weights. In safe state the actuators are held at their safe values and the learner is
 * frozen (not stepped, no rewards credited). Recovery: a recoverable fault clears after
 * {@code recoverAfterTicks} consecutive healthy ticks (sensor read OK, observation valid, no
 * overrun); {@code recoverAfterTicks = 0} latches every fault. Non-finite weights and a learner that threw
 * always latch.
 * Raises counters only; never logs, blocks or allocates.
 */
final class Watchdog {
  private final int maxConsecutiveOverruns;
  private final int recoverAfterTicks;
  private boolean safe;
  private boolean latched;
  private int consecutiveOverruns;
  private int healthyTicks;

  Watchdog(int maxConsecutiveOverruns, int recoverAfterTicks) {
    if (maxConsecutiveOverruns < 1 || recoverAfterTicks < 0) {
      throw new IllegalArgumentException("watchdog needs max-consecutive-overruns >= 1 and recover-after-ticks >= 0");
    }
    this.maxConsecutiveOverruns = maxConsecutiveOverruns;
    this.recoverAfterTicks = recoverAfterTicks;
  }

  boolean safe() {
    return safe;
  }

  boolean latched() {
    return latched;
  }

  /** Enters safe state for {@code kind}. Real-time safe. */
  void trip(FaultKind kind) {
    safe = true;
    healthyTicks = 0;
    if (!kind.recoverable() || recoverAfterTicks == 0) {
      latched = true;
    }
  }

  /** Records whether the tick just finished overran; true when this overrun completes a tripping streak. Real-time safe. */
  boolean tickEnded(boolean overran) {
    if (!overran) {
      consecutiveOverruns = 0;
      return false;
    }
    healthyTicks = 0;
    consecutiveOverruns++;
    return consecutiveOverruns == maxConsecutiveOverruns;
  }

  /** In safe state, a healthy tick; true when it is time to recover. Real-time safe. */
  boolean healthyTick() {
    healthyTicks++;
    return !latched && healthyTicks >= recoverAfterTicks;
  }

  /** Leaves safe state. Real-time safe. */
  void recovered() {
    safe = false;
    healthyTicks = 0;
    consecutiveOverruns = 0;
  }
}
