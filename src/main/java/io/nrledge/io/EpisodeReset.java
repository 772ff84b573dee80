package io.nrledge.io;

/**
 * A rig that can put its plant back to a start state between episodes (a simulated reset, a
 * homing move). Rigs without one run continuing tasks only.
 */
public interface EpisodeReset {

  /** Starts a new episode; the next sensor read shows the start state. Real-time safe. */
  void resetEpisode();
}
