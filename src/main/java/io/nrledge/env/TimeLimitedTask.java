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

  /** Doubles of the subclass's own physics state. */
  abstract int physicsValues();

  /** Writes the subclass's physics state, {@link #physicsValues()} doubles. Real-time safe. */
  abstract void savePhysics(java.nio.ByteBuffer out);

  /** Reads the subclass's physics state. */
  abstract void loadPhysics(java.nio.ByteBuffer in);

  /** Layout: generator word, steps, terminated (0/1), the observation, then the physics. */
  @Override
  public final int stateBytes() {
    return 8 + 4 + 4 + 8 * observation.length + 8 * physicsValues();
  }

  @Override
  public final void saveState(java.nio.ByteBuffer out) {
    out.putLong(random.state()).putInt(steps).putInt(terminated ? 1 : 0);
    for (double o : observation) {
      out.putDouble(o);
    }
    savePhysics(out);
  }

  @Override
  public final void loadState(java.nio.ByteBuffer in) {
    long seed = in.getLong();
    int s = in.getInt();
    int t = in.getInt();
    if (s < 0 || s > maxSteps || (t != 0 && t != 1)) {
      throw new IllegalArgumentException(name() + ": step count " + s + " / terminated flag " + t);
    }
    random.reseed(seed);
    steps = s;
    terminated = t == 1;
    for (int i = 0; i < observation.length; i++) {
      observation[i] = in.getDouble();
    }
    loadPhysics(in);
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
