package io.nrledge.env;

/**
 * What every task here shares: a seeded start-state generator, one observation buffer, and the
 * episode clock that ends an episode by termination or by its step limit. Subclasses keep their
 * physics; they call {@link #startEpisode()} from reset, {@link #countStep(boolean)} from step, and
 * fill {@link #observation} themselves. Must never allocate after construction.
 */
abstract class TimeLimitedTask implements Environment {
  /** Start-state generator; {@link #seed(long)} reseeds it. */
  protected final StartStateRandom random = new StartStateRandom(0);
  /** The buffer {@link #observation()} hands out; subclasses overwrite it in place. */
  protected final double[] observation;
  private final int maxSteps;
  private int steps;
  private boolean terminated;

  TimeLimitedTask(int observationSize, int maxSteps) {
    this.observation = new double[observationSize];
    this.maxSteps = maxSteps;
  }

  @Override
  public final int observationSize() {
    return observation.length;
  }

  @Override
  public final void seed(long seed) {
    random.reseed(seed);
  }

  @Override
  public final boolean terminated() {
    return terminated;
  }

  @Override
  public final boolean truncated() {
    return !terminated && steps >= maxSteps;
  }

  @Override
  public final double[] observation() {
    return observation;
  }

  @Override
  public final int episodeSteps() {
    return steps;
  }

  @Override
  public final int maxEpisodeSteps() {
    return maxSteps;
  }

  /** Restarts the step count and clears termination. Real-time safe. */
  protected final void startEpisode() {
    steps = 0;
    terminated = false;
  }

  /** Counts one step and records whether it reached the task's terminal condition. Real-time safe. */
  protected final void countStep(boolean terminal) {
    steps++;
    terminated = terminal;
  }
}
