package io.nrledge.runtime;

import io.nrledge.io.NanoClock;
import io.nrledge.telemetry.CheckpointSlot;
import io.nrledge.telemetry.EpisodeStats;
import java.nio.ByteBuffer;

/**
 * Decides when the loop's state is snapshotted and copies it into the {@link CheckpointSlot}: at an
 * episode end (continuing tasks: at any tick end) once {@code everyEpisodes} episodes or
 * {@code everyNs} of wall time have passed since the last snapshot. A snapshot due while the writer
 * is still busy is skipped (the slot counts it) and tried again at the next boundary. Its
 * control-thread path is a bounded copy into the preallocated slot: no lock, no allocation.
 */
public final class StateCapture {
  private final LoopState state;
  private final ControlLoop loop;
  private final CheckpointSlot slot;
  private final EpisodeStats episodes;
  private final NanoClock stopwatch;
  private final long everyEpisodes;
  private final long everyNs;
  private final boolean episodic;
  private long lastEpisodes;
  private long lastNs;

  /**
   * Exactly one of {@code everyEpisodes} and {@code everyNs} is > 0. {@code episodic}: snapshots
   * wait for episode ends. Not real-time safe.
   */
  public StateCapture(LoopState state, ControlLoop loop, CheckpointSlot slot, EpisodeStats episodes,
      NanoClock stopwatch, long everyEpisodes, long everyNs, boolean episodic) {
    if ((everyEpisodes > 0) == (everyNs > 0)) {
      throw new IllegalArgumentException("give an interval in episodes or in time, not both");
    }
    if (slot.bodyBytes() != state.stateBytes()) {
      throw new IllegalArgumentException("slot of " + slot.bodyBytes() + " bytes for a state of " + state.stateBytes());
    }
    this.state = state;
    this.loop = loop;
    this.slot = slot;
    this.episodes = episodes;
    this.stopwatch = stopwatch;
    this.everyEpisodes = everyEpisodes;
    this.everyNs = everyNs;
    this.episodic = episodic;
  }

  /** Before the run: intervals count from now and from the episodes already done (a resumed run's). */
  public void start() {
    lastEpisodes = episodes.episodes();
    lastNs = stopwatch.nanoTime();
  }

  /** Control thread, at the end of a healthy tick. Real-time safe. */
  void tickEnded(boolean episodeEnded) {
    if (episodic && !episodeEnded) {
      return;
    }
    final long done = episodes.episodes();
    final long now = stopwatch.nanoTime();
    final boolean due = everyEpisodes > 0 ? done - lastEpisodes >= everyEpisodes : now - lastNs >= everyNs;
    if (due && take()) {
      lastEpisodes = done;
      lastNs = now;
    }
  }

  private boolean take() {
    final ByteBuffer body = slot.begin();
    if (body == null) {
      return false;
    }
    state.saveState(body);
    slot.publish(episodes.episodes(), loop.ticks());
    return true;
  }

  /**
   * After the loop has stopped (its thread joined): waits up to {@code timeoutNs} for the writer to
   * take the last snapshot, then hands over the final state. False when the writer did not free
   * the slot in time. Not real-time safe.
   */
  public boolean takeFinal(long timeoutNs) {
    return slot.awaitFree(timeoutNs) && take();
  }
}
