package io.nrledge.bridge;

/**
 * What an EVENT frame on a mapped input channel means, replacing the firmware's kind and value:
 * a reward per new edge, or a terminal event carrying that reward. Channels not mapped keep the
 * firmware's meaning. Immutable, filled at set-up; lookups are array reads that never allocate.
 */
public final class EventMapping {
  /** Channels an EVENT frame can name (a u8). */
  public static final int CHANNELS = 256;
  /** No channel mapped: every event keeps the firmware's kind and value. */
  public static final EventMapping NONE = new EventMapping(new int[0], new double[0], new boolean[0]);

  private final boolean[] mapped = new boolean[CHANNELS];
  private final double[] reward = new double[CHANNELS];
  private final boolean[] terminal = new boolean[CHANNELS];

  /** One entry per mapped channel, all arrays the same length. Not real-time safe. */
  public EventMapping(int[] channels, double[] rewards, boolean[] terminals) {
    if (rewards.length != channels.length || terminals.length != channels.length) {
      throw new IllegalArgumentException("one reward and one terminal flag per channel");
    }
    for (int i = 0; i < channels.length; i++) {
      int c = channels[i];
      if (c < 0 || c >= CHANNELS || mapped[c]) {
        throw new IllegalArgumentException("channel " + c + ": must be 0.." + (CHANNELS - 1) + " and mapped once");
      }
      mapped[c] = true;
      reward[c] = rewards[i];
      terminal[c] = terminals[i];
    }
  }

  /** Real-time safe. */
  public boolean mapped(int channel) {
    return mapped[channel];
  }

  /** Real-time safe. */
  public double reward(int channel) {
    return reward[channel];
  }

  /** Real-time safe. */
  public boolean terminal(int channel) {
    return terminal[channel];
  }
}
