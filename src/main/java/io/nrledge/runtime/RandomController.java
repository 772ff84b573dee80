package io.nrledge.runtime;

import java.util.SplittableRandom;

/** Uniformly random actions from a seeded stream: the floor learning must beat, and a safe babble to check wiring. */
public final class RandomController implements Controller {
  private final int actions;
  private final SplittableRandom random;

  /** Not real-time safe. */
  public RandomController(int actions, long seed) {
    if (actions < 1) {
      throw new IllegalArgumentException("needs at least one action, got " + actions);
    }
    this.actions = actions;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public int act(double[] observation, double[] raw) {
    return random.nextInt(actions);
  }
}
