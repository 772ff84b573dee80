package io.nrledge.runtime;

import io.nrledge.io.Board;
import io.nrledge.io.ManualNanoClock;
import io.nrledge.io.NanoClock;
import io.nrledge.learner.Learner;
import io.nrledge.learner.Stateful;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Everything a run continues from, as one snapshot in five sections: the learner, the loop (its
 * counters, episode in progress and statistics), the board (a simulated plant and its random
 * stream; empty for real hardware), the fixed-policy controller's stream (empty when there is
 * none) and the virtual clock at the last tick's start (fast runs; ignored on a real clock). The owner of the section
 * layout; each part owns its own bytes.
 */
public final class LoopState implements Stateful {
  /** Section names, in body order. */
  public static final List<String> SECTIONS = List.of("learner", "loop", "board", "controller", "clock");
  public static final int LEARNER = 0;

  private final Learner learner;
  private final ControlLoop loop;
  private final Stateful board;
  private final Stateful controller;
  private final ManualNanoClock virtualClock;
  private final int[] sectionBytes;

  /** Not real-time safe. */
  public LoopState(Learner learner, ControlLoop loop, Board board, Controller controller, NanoClock clock) {
    this.learner = learner;
    this.loop = loop;
    this.board = board instanceof Stateful s ? s : null;
    this.controller = controller instanceof Stateful s ? s : null;
    this.virtualClock = clock instanceof ManualNanoClock m ? m : null;
    this.sectionBytes = new int[] {learner.stateBytes(), loop.stateBytes(), this.board == null ? 0 : this.board.stateBytes(),
        this.controller == null ? 0 : this.controller.stateBytes(), 8};
  }

  /** Bytes of each section, in {@link #SECTIONS} order. */
  public int[] sectionBytes() {
    return sectionBytes.clone();
  }

  /**
   * Null when {@code stored} (a checkpoint's section sizes) fits this run's layout, else one line
   * naming the first section that differs.
   */
  public String layoutMismatch(int[] stored) {
    if (stored.length != sectionBytes.length) {
      return "it has " + stored.length + " state sections, this run " + sectionBytes.length;
    }
    for (int i = 0; i < stored.length; i++) {
      if (stored[i] != sectionBytes[i]) {
        return "its " + SECTIONS.get(i) + " state is " + stored[i] + " bytes, this run's " + sectionBytes[i]
            + " (a different network, rig or window)";
      }
    }
    return null;
  }

  @Override
  public int stateBytes() {
    int n = 0;
    for (int b : sectionBytes) {
      n += b;
    }
    return n;
  }

  /** Control thread at a tick end, or any thread once the loop has stopped. Real-time safe. */
  @Override
  public void saveState(ByteBuffer out) {
    learner.saveState(out);
    loop.saveState(out);
    if (board != null) {
      board.saveState(out);
    }
    if (controller != null) {
      controller.saveState(out);
    }
    out.putLong(virtualClock == null ? 0 : virtualClock.nanoTime());
  }

  /** Before the run: every section, laid out as {@link #layoutMismatch} accepted. Not real-time safe. */
  @Override
  public void loadState(ByteBuffer in) {
    learner.loadState(in);
    loop.loadState(in);
    if (board != null) {
      board.loadState(in);
    }
    if (controller != null) {
      controller.loadState(in);
    }
    long clockNs = in.getLong();
    if (virtualClock != null) {
      virtualClock.advanceTo(clockNs);
      loop.continueOnClock(clockNs);
    } else {
      loop.forgetTickTimes();
    }
  }
}
