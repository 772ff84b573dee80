package io.nrledge.runtime;

import io.nrledge.learner.SplitMix64;
import io.nrledge.learner.Stateful;
import java.nio.ByteBuffer;

/** Uniformly random actions from a seeded stream: the floor learning must beat, and a safe babble to check wiring. */
public final class RandomController implements Controller, Stateful {
  private final int actions;
  private final SplitMix64 random;

  /** Not real-time safe. */
  public RandomController(int actions, long seed) {
    if (actions < 1) {
      throw new IllegalArgumentException("needs at least one action, got " + actions);
    }
    this.actions = actions;
    this.random = new SplitMix64(seed);
  }

  @Override
  public int act(double[] observation, double[] raw) {
    return random.nextInt(actions);
  }

  /** The action stream's state. */
  @Override
  public int stateBytes() {
    return random.stateBytes();
  }

  @Override
  public void saveState(ByteBuffer out) {
    random.saveState(out);
  }

  @Override
  public void loadState(ByteBuffer in) {
    random.loadState(in);
  }
}
