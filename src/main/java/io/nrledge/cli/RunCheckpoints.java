package io.nrledge.cli;

import io.nrledge.runtime.LoopState;
import io.nrledge.runtime.Mode;
import io.nrledge.runtime.StateCapture;
import io.nrledge.io.SystemNanoClock;
import io.nrledge.telemetry.CheckpointFile;
import io.nrledge.telemetry.CheckpointSlot;
import io.nrledge.telemetry.CheckpointStore;
import io.nrledge.telemetry.CheckpointWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code run --state-dir}: before the loop starts, resumes it from the newest valid checkpoint
 * (train) or loads the learned policy (eval), and sets up the snapshots and the writer thread;
 * after it stopped, saves the final state. Refusals are {@link UsageException}s naming the file.
 * Not real-time safe.
 */
final class RunCheckpoints {
  private static final long FINAL_WAIT_NS = 10_000_000_000L;

  private final CheckpointStore store;
  private final StateCapture capture;
  private final CheckpointSlot slot;
  private final CheckpointWriter writer;
  private final CheckpointFile.Checkpoint loaded;

  private RunCheckpoints(CheckpointStore store, StateCapture capture, CheckpointSlot slot, CheckpointWriter writer,
      CheckpointFile.Checkpoint loaded) {
    this.store = store;
    this.capture = capture;
    this.slot = slot;
    this.writer = writer;
    this.loaded = loaded;
  }

  /**
   * Opens {@code dir} (made when missing), removes temporaries, loads the newest valid checkpoint
   * and, in train mode, starts the writer. {@code messages} gets one line per skipped file and
   * one for what was loaded.
   */
  static RunCheckpoints open(Path dir, LoopAssembly a, CheckpointInterval every, int keep,
      boolean allowProfileChange, Consumer<String> messages) {
    Mode mode = a.settings.mode();
    if (mode != Mode.TRAIN && mode != Mode.EVAL) {
      throw new UsageException("--state-dir: only with --mode train or eval, not " + mode.label());
    }
    if (keep < 1) {
      throw new UsageException("--keep-checkpoints: must be >= 1, got " + keep);
    }
    boolean episodic = !a.profile.rewards().form().equals("continuing");
    if (every.episodes() > 0 && !episodic) {
      throw new UsageException("--checkpoint-every: " + a.profile.name()
          + " is a continuing task without episodes; give a duration such as 30s");
    }
    CheckpointStore store = new CheckpointStore(dir);
    LoopState state = new LoopState(a.learner, a.loop, a.board, a.controller, a.clock);
    long hash = ProfileHash.of(a.profile);
    CheckpointFile.Checkpoint newest;
    try {
      if (mode == Mode.EVAL && !Files.isDirectory(dir)) {
        throw new UsageException("--state-dir: " + dir + " is not a folder of checkpoints to evaluate");
      }
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new UsageException("--state-dir: " + dir + " exists and is not a folder");
      }
      Files.createDirectories(dir);
      int removed = store.removeTemporaries();
      if (removed > 0) {
        messages.accept(dir + ": removed " + removed + " unfinished temporary checkpoint file(s)");
      }
      newest = store.newestValid(messages);
    } catch (IOException e) {
      throw new UsageException("--state-dir: " + dir + ": " + OutputPaths.reason(e));
    }
    if (newest != null) {
      checkFits(newest, state, hash, allowProfileChange, messages);
    }
    if (mode == Mode.EVAL) {
      if (newest == null) {
        throw new UsageException("--state-dir: " + dir + " holds no valid checkpoint to evaluate");
      }
      a.learner.loadState(newest.section(LoopState.LEARNER));
      messages.accept("evaluating the policy of " + newest.file() + " (" + newest.episodes() + " episodes, "
          + newest.ticks() + " ticks of training); no checkpoints are written");
      return new RunCheckpoints(store, null, null, null, newest);
    }
    if (newest != null) {
      state.loadState(newest.body());
      messages.accept("resumed from " + newest.file() + ": " + newest.episodes() + " episodes, " + newest.ticks()
          + " ticks");
    }
    CheckpointSlot slot = new CheckpointSlot(state.stateBytes());
    CheckpointWriter writer;
    try {
      writer = new CheckpointWriter(store, slot, hash, state.sectionBytes(), keep, messages);
    } catch (IOException e) {
      throw new UsageException("--state-dir: " + dir + ": " + OutputPaths.reason(e));
    }
    StateCapture capture = new StateCapture(state, a.loop, slot, a.telemetry.episodes(), SystemNanoClock.INSTANCE,
        every.episodes(), every.ns(), episodic);
    capture.start();
    a.loop.captureStateWith(capture);
    writer.start();
    return new RunCheckpoints(store, capture, slot, writer, newest);
  }

  private static void checkFits(CheckpointFile.Checkpoint c, LoopState state, long hash, boolean allowProfileChange,
      Consumer<String> messages) {
    if (c.profileHash() != hash) {
      if (!allowProfileChange) {
        throw new UsageException(c.file() + ": saved by another profile (hash " + ProfileHash.hex(c.profileHash())
            + ", this run's " + ProfileHash.hex(hash) + ": learner, observation or actions differ);"
            + " --allow-profile-change loads it anyway");
      }
      messages.accept(c.file() + ": saved by another profile (hash " + ProfileHash.hex(c.profileHash())
          + "); loading it as --allow-profile-change asks");
    }
    String mismatch = state.layoutMismatch(c.sections());
    if (mismatch != null) {
      throw new UsageException(c.file() + ": cannot be loaded: " + mismatch);
    }
  }

  /**
   * After the loop stopped: saves the final state when {@code saveFinal} (a clean stop), lets the
   * writer finish and stops it.
   */
  void finish(boolean saveFinal, Consumer<String> messages) throws InterruptedException {
    if (writer == null) {
      return;
    }
    if (saveFinal && !capture.takeFinal(FINAL_WAIT_NS)) {
      messages.accept("the final checkpoint was not saved: the writer was still busy after "
          + FINAL_WAIT_NS / 1_000_000_000L + " s");
    }
    writer.finish();
  }

  /**
   * Fields for the run summary. A resumed run's episode statistics continue the checkpoint's, its
   * tick counters and timings are this process's; {@code resumed_at_*} say where it started.
   */
  Map<String, Object> summaryFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state_dir", store.dir().toString());
    m.put("loaded_from", loaded == null ? null : loaded.file().toString());
    m.put("resumed_at_episodes", loaded == null || writer == null ? 0 : loaded.episodes());
    m.put("resumed_at_ticks", loaded == null || writer == null ? 0 : loaded.ticks());
    if (writer != null) {
      m.put("checkpoints_written", writer.written());
      m.put("checkpoints_skipped", slot.skipped());
      m.put("checkpoint_failures", writer.failures());
      m.put("last_checkpoint", writer.lastFile());
    }
    return m;
  }
}
