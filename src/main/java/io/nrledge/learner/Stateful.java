package io.nrledge.learner;

import java.nio.ByteBuffer;

/**
 * Something whose whole state can be copied into bytes and back, for checkpoints: a learner, a
 * generator, a simulated plant, the loop's counters. The layout is fixed by the object's
 * configuration, little-endian (the caller sets the buffer's order), and deterministic: the same
 * state always gives the same bytes. Loading is only defined for bytes saved by an object
 * configured the same way; an object whose load threw must not be used.
 */
public interface Stateful {
  /** The bytes {@link #saveState} writes; fixed for the object's lifetime. */
  int stateBytes();

  /** Writes the state at the buffer's position and advances it by {@link #stateBytes()}. Real-time safe. */
  void saveState(ByteBuffer out);

  /**
   * Reads a state written by {@link #saveState} and advances by {@link #stateBytes()}. Not real-time
   * safe.
   *
   * @throws IllegalArgumentException when the bytes hold a value this object cannot take
   */
  void loadState(ByteBuffer in);
}
