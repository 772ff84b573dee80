package io.nrledge.runtime;

/**
 * A fixed policy that chooses each tick's action without learning: the random baseline, or a
 * hand-written reference controller that gives learning a ceiling to be measured against.
 */
@FunctionalInterface
public interface Controller {

  /** The action for this tick, from the learner's observation or the raw sensor readings. Real-time safe. */
  int act(double[] observation, double[] raw);
}
