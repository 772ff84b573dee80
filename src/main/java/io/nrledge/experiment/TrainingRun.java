package io.nrledge.experiment;

import io.nrledge.env.Environment;
import io.nrledge.learner.Learner;
import io.nrledge.learner.Learners;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One run of a {@link RunSpec}: its own learner and environment, trained episode by episode and
 * confined to one thread. The constructor allocates everything the run keeps, returns included;
 * {@link #runEpisode()} must never allocate.
 */
public final class TrainingRun {
  private final RunSpec spec;
  private final Learner learner;
  private final Environment env;
  private final double[] returns;
  private final int[] steps;
  private final double threshold;
  private int episodes;
  private long totalSteps;

  /** Not real-time safe: creates the learner and environment and the per-episode buffers. */
  public TrainingRun(RunSpec spec) {
    this.spec = spec;
    this.learner = Learners.create(spec.learner());
    this.env = spec.task().createEnvironment(spec.corrected());
    this.env.seed(spec.envSeed());
    this.returns = new double[spec.episodes()];
    this.steps = new int[spec.episodes()];
    this.threshold = env.solvedThreshold();
  }

  /** Runs until {@link #finished()}, adding 1 to {@code episodesDone} after each episode. */
  public RunResult run(AtomicLong episodesDone) {
    return run(episodesDone, () -> false);
  }

  /** As {@link #run(AtomicLong)}, but abandons the run (returns null) once {@code stop} says so, between episodes. */
  public RunResult run(AtomicLong episodesDone, BooleanSupplier stop) {
    long startNs = System.nanoTime();
    while (!finished()) {
      if (stop.getAsBoolean()) {
        return null;
      }
      runEpisode();
      episodesDone.incrementAndGet();
    }
    double wallSeconds = (System.nanoTime() - startNs) * 1e-9;
    return new RunResult(spec, returns, steps, episodes, threshold, totalSteps, wallSeconds);
  }

  /** The budget is spent, or the spec stops once solved and the moving average has reached the threshold. */
  public boolean finished() {
    return episodes == returns.length
        || spec.stopWhenSolved() && episodes > 0
            && MovingAverage.reached(returns, episodes - 1, MovingAverage.WINDOW, threshold);
  }

  /**
   * One episode (Reaching: one 300-step trial) from a fresh start state; records its return and
   * length. The learner's {@code endEpisode} applies the episodic update, or for Reaching resets
   * the reward baseline as the reference does per trial. Real-time safe.
   *
   * @throws IllegalStateException when the budget is already spent
   */
  public void runEpisode() {
    if (episodes == returns.length) {
      throw new IllegalStateException("the run's budget of " + returns.length + " episodes is spent");
    }
    env.reset();
    double episodeReturn = 0;
    do {
      int action = learner.step(env.observation());
      double reward = env.step(action);
      learner.reward(reward);
      episodeReturn += reward;
    } while (!env.done());
    learner.endEpisode();
    returns[episodes] = episodeReturn;
    steps[episodes] = env.episodeSteps();
    totalSteps += env.episodeSteps();
    episodes++;
  }

  public int episodes() {
    return episodes;
  }

  /** Steps of all episodes run so far. Real-time safe. */
  public long totalSteps() {
    return totalSteps;
  }
}
