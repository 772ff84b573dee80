package io.nrledge.env;

import java.util.List;

/**
 * A simulated task. Constructors allocate; every other method is real-time safe (allocates
 * nothing) unless its Javadoc says otherwise.
 *
 * <p>A new environment is seeded with 0 and already reset. {@link #step(int)} after the episode
 * ended ({@link #done()}) or with an action outside {@code [0, actionCount())} is a caller bug and
 * throws.
 *
 * <p>The same seed and actions replay bit-identical episodes on one CPU type. Implementations use
 * {@link Math#sin}/{@link Math#cos} (HotSpot intrinsics), not {@link StrictMath}, whose fdlibm port
 * allocates a scratch array per call; so last bits may differ between CPU types.
 */
public interface Environment {
  /** "cartpole", "acrobot" or "reaching". */
  String name();

  int observationSize();

  int actionCount();

  /** Seeds the start-state generator; the next {@link #reset()} draws from it. Real-time safe. */
  void seed(long seed);

  /** Starts a new episode (trial) from the start-state generator. Real-time safe. */
  void reset();

  /**
   * Starts a new episode from an exact state, laid out as {@link #stateNames()}. Real-time safe.
   *
   * @throws IllegalArgumentException if {@code state} has the wrong length
   */
  void resetTo(double[] state);

  /** Names of the {@link #resetTo(double[])} state entries, in order (an immutable constant). */
  List<String> stateNames();

  /** Advances one step and returns the reward of that step. Real-time safe. */
  double step(int action);

  /** The task's terminal condition was reached on the last step. Real-time safe. */
  boolean terminated();

  /** The time limit was reached and the episode did not terminate. Real-time safe. */
  boolean truncated();

  /** The episode is over: terminated or truncated. Real-time safe. */
  default boolean done() {
    return terminated() || truncated();
  }

  /**
   * The environment's own observation buffer, overwritten by reset and step; callers must not keep
   * or modify it. Real-time safe.
   */
  double[] observation();

  /** Steps since the last reset. Real-time safe. */
  int episodeSteps();

  /** 500 for CartPole-v1 and Acrobot-v1, 300 for a Reaching1D trial. */
  int maxEpisodeSteps();

  /**
   * Bytes of {@link #saveState}: the whole plant, its start-state generator and episode clock
   * included, so a restored plant continues bit-identically (checkpoints).
   */
  int stateBytes();

  /** Writes the state at the buffer's position (little-endian when the caller sets it). Real-time safe. */
  void saveState(java.nio.ByteBuffer out);

  /**
   * Reads what {@link #saveState} of the same task wrote. Not real-time safe.
   *
   * @throws IllegalArgumentException for a value the task cannot take
   */
  void loadState(java.nio.ByteBuffer in);

  /** Mean return over 100 episodes that counts as solved: 475 (CartPole), -100 (Acrobot), NaN (Reaching). */
  double solvedThreshold();
}
