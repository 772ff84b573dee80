package io.nrledge.experiment;

import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.NoiseKind;

/**
 * One run: a task, a learner configuration and a budget. Everything the run draws comes from
 * {@code seed}: the learner's weight, noise and action streams and the environment's start states.
 *
 * @param task the task
 * @param corrected Reaching only: reward against the real target instead of neurogym's floor(target)
 * @param seed the run seed
 * @param method the learning method
 * @param learner the learner, seeded from {@code seed}
 * @param episodes the budget in episodes (Reaching: 300-step trials)
 * @param stopWhenSolved end the run once its moving average reaches the task's threshold
 */
public record RunSpec(Task task, boolean corrected, long seed, Method method, LearnerConfig learner, int episodes,
    boolean stopWhenSolved) {

  /** The environment's start-state seed, derived from {@code seed} so it shares no stream with the learner. */
  public long envSeed() {
    return seed * 1_000_003 + 17;
  }

  /** The method, η and σ (NaN when the method injects no noise) this run shares with other seeds. */
  public Setting setting() {
    return new Setting(method, learner.learningRate(), sigma());
  }

  /** σ, or NaN for a method that injects no noise. */
  public double sigma() {
    return method.usesNoise() ? learner.sigma() : Double.NaN;
  }

  /** The noise transform, or null for a method that injects no noise. */
  public NoiseKind noiseKind() {
    return method.usesNoise() ? learner.noiseKind() : null;
  }
}
