package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.runtime.LoopState;
import io.nrledge.telemetry.CheckpointFile;
import io.nrledge.telemetry.CheckpointStore;
import io.nrledge.testing.CommandRun;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --state-dir}: a run stopped and resumed ends bit-identical to one run in one go (the
 * budgets count the resumed run's totals); another profile's checkpoint is refused; eval runs the
 * saved policy; {@code inspect} reports what a resume would load.
 */
class CheckpointResumeTest {
  private static final Path PROJECT = Path.of(System.getProperty("nrledge.projectDir", "."));

  @TempDir Path dir;

  private static CheckpointFile.Checkpoint newest(Path folder) throws Exception {
    CheckpointFile.Checkpoint c = new CheckpointStore(folder).newestValid(line -> {});
    assertTrue(c != null, "a valid checkpoint in " + folder);
    return c;
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private static CommandRun run(String... args) {
    CommandRun r = CommandRun.execute(args);
    assertEquals(0, r.exit(), r.err());
    return r;
  }

  @Test
  void shouldEndBitIdenticalWhenCartPoleIsStoppedAtHalfItsEpisodesAndResumed() throws Exception {
    Path once = dir.resolve("once");
    Path split = dir.resolve("split");
    Path summary = dir.resolve("summary.json");
    run("run", "--fast", "--episodes", "160", "--seed", "4", "--state-dir", once.toString(), "--status", "never");
    run("run", "--fast", "--episodes", "80", "--seed", "4", "--state-dir", split.toString(), "--status", "never");
    assertEquals(80, newest(split).episodes());
    run("run", "--fast", "--episodes", "160", "--seed", "4", "--state-dir", split.toString(), "--status", "never",
        "--summary-json", summary.toString());

    CheckpointFile.Checkpoint a = newest(once);
    CheckpointFile.Checkpoint b = newest(split);
    assertEquals(160, a.episodes());
    assertEquals(160, b.episodes(), "--episodes counts the resumed run's total");
    assertEquals(a.ticks(), b.ticks());
    assertArrayEquals(bytes(a.section(LoopState.LEARNER)), bytes(b.section(LoopState.LEARNER)),
        "weights, traces, baseline and generators bit for bit");
    assertArrayEquals(bytes(a.body()), bytes(b.body()),
        "the whole state: episode returns of the window, counters, plant and clock");
    String json = Files.readString(summary);
    assertTrue(json.contains("\"loaded_from\":\"" + split.resolve("state-000000000001.ckpt") + "\""), json);
    assertTrue(json.contains("\"episodes\":160,"), "the summary counts episodes over the resumed run: " + json);
    assertTrue(json.contains("\"resumed_at_episodes\":80,"), json);
    assertTrue(json.contains("\"events\":80,"), "this process ran the other 80 episodes: " + json);
  }

  @Test
  void shouldEndBitIdenticalWhenTheContinuingRoverIsStoppedAtATickAndResumed() throws Exception {
    String profile = PROJECT.resolve("device-profiles/sim-rover.yaml").toString();
    Path once = dir.resolve("once");
    Path split = dir.resolve("split");
    run("run", "--profile", profile, "--fast", "--ticks", "6000", "--state-dir", once.toString(), "--status", "never");
    run("run", "--profile", profile, "--fast", "--ticks", "2500", "--state-dir", split.toString(), "--status", "never");
    run("run", "--profile", profile, "--fast", "--ticks", "6000", "--state-dir", split.toString(), "--status", "never");

    CheckpointFile.Checkpoint a = newest(once);
    CheckpointFile.Checkpoint b = newest(split);
    assertEquals(6000, b.ticks(), "--ticks counts the resumed run's total");
    assertArrayEquals(bytes(a.body()), bytes(b.body()), "learner, rover pose, lamp stream, reward windows, clock");
  }

  @Test
  void shouldRefuseACheckpointOfAnotherProfileWithOneLineNamingTheFileUnlessAllowed() throws Exception {
    Path state = dir.resolve("state");
    run("run", "--fast", "--episodes", "5", "--state-dir", state.toString(), "--status", "never");
    Path file = state.resolve("state-000000000001.ckpt");

    CommandRun refused = CommandRun.execute("run", "--fast", "--episodes", "10", "--lr", "0.02", "--state-dir",
        state.toString(), "--status", "never");

    assertEquals(2, refused.exit(), refused.err());
    List<String> lines = refused.errLines();
    assertEquals(1, lines.size(), refused.err());
    assertTrue(lines.get(0).startsWith("nrl-edge: " + file + ": saved by another profile (hash "), lines.get(0));
    assertTrue(lines.get(0).endsWith("--allow-profile-change loads it anyway"), lines.get(0));
    assertEquals(List.of(file), new CheckpointStore(state).files(), "nothing written by the refused run");

    run("run", "--fast", "--episodes", "10", "--lr", "0.02", "--allow-profile-change", "--state-dir",
        state.toString(), "--status", "never");
    assertEquals(10, newest(state).episodes(), "continued from episode 5 under the changed profile");
  }

  @Test
  void shouldRefuseAnEvalWithoutACheckpointAndEvalTheSavedPolicyOtherwise() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    CommandRun none = CommandRun.execute("run", "--mode", "eval", "--state-dir", empty.toString(), "--episodes", "3");
    assertEquals(2, none.exit());
    assertEquals("nrl-edge: --state-dir: " + empty + " holds no valid checkpoint to evaluate", none.err().strip());

    Path state = dir.resolve("solved");
    run("run", "--fast", "--seed", "2", "--state-dir", state.toString(), "--status", "never"); // until solved
    long trainedEpisodes = newest(state).episodes();
    Path evalJson = dir.resolve("eval.json");
    Path randomJson = dir.resolve("random.json");
    run("run", "--mode", "eval", "--fast", "--episodes", "20", "--state-dir", state.toString(), "--status", "never",
        "--summary-json", evalJson.toString());
    run("run", "--mode", "random", "--fast", "--episodes", "20", "--status", "never", "--summary-json",
        randomJson.toString());

    double learned = movingAverage(Files.readString(evalJson));
    double random = movingAverage(Files.readString(randomJson));
    assertTrue(learned >= 400 && learned > 10 * random, "eval " + learned + " vs random " + random);
    assertEquals(trainedEpisodes, newest(state).episodes(), "eval wrote no checkpoint");
    assertEquals(1, new CheckpointStore(state).files().size());
  }

  private static double movingAverage(String json) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"final_ma100\":([-0-9.E]+)").matcher(json);
    assertTrue(m.find(), json);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void shouldInspectAFolderNewestFirstAndExitOneWhenNoCheckpointIsValid() throws Exception {
    Path state = dir.resolve("state");
    run("run", "--fast", "--episodes", "30", "--checkpoint-every", "10ep", "--keep-checkpoints", "2", "--state-dir",
        state.toString(), "--status", "never");
    List<Path> files = new CheckpointStore(state).files();
    assertEquals(2, files.size(), "--keep-checkpoints 2: " + files);
    byte[] newestBytes = Files.readAllBytes(files.get(0));
    newestBytes[newestBytes.length / 2] ^= 1;
    Files.write(files.get(0), newestBytes);

    CommandRun json = CommandRun.execute("inspect", "--json", state.toString());
    assertEquals(0, json.exit(), json.err());
    assertTrue(json.out().startsWith("{\"valid\":true,\"file\":\"" + files.get(1) + "\","), json.out());
    assertTrue(json.out().contains("\"profile_hash\":\""), json.out());
    assertTrue(json.out().contains("{\"valid\":false,\"file\":\"" + files.get(0) + "\",\"error\":\"checksum mismatch"),
        json.out());

    CommandRun text = CommandRun.execute("inspect", files.get(0).toString());
    assertEquals(1, text.exit());
    assertTrue(text.out().startsWith(files.get(0) + ": INVALID: checksum mismatch"), text.out());

    Files.write(files.get(1), new byte[0]);
    assertEquals(1, CommandRun.execute("inspect", "--json", state.toString()).exit());
    CommandRun missing = CommandRun.execute("inspect", dir.resolve("nowhere").toString());
    assertEquals(2, missing.exit());
    assertEquals("nrl-edge: inspect: " + dir.resolve("nowhere") + ": no such file or folder", missing.err().strip());
  }

  @Test
  void shouldRejectCheckpointOptionsThatCannotWorkWithOneLineEachAndExitTwo() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    String rover = PROJECT.resolve("device-profiles/sim-rover.yaml").toString();
    String[][] cases = {
        {"--state-dir " + file + " exists and is not a folder", "--state-dir", file.toString()},
        {"--checkpoint-every: only with --state-dir", "--checkpoint-every", "5ep"},
        {"--keep-checkpoints: must be >= 1, got 0", "--state-dir", dir.resolve("k").toString(), "--keep-checkpoints", "0"},
        {"--checkpoint-every: episodes must be a whole number >= 1 like 100ep, got '0ep'", "--state-dir",
            dir.resolve("k").toString(), "--checkpoint-every", "0ep"},
        {"--checkpoint-every: sim-rover is a continuing task without episodes; give a duration such as 30s",
            "--profile", rover, "--state-dir", dir.resolve("k").toString(), "--checkpoint-every", "5ep"},
        {"--state-dir: only with --mode train or eval, not random", "--mode", "random", "--state-dir",
            dir.resolve("k").toString()}};
    for (String[] c : cases) {
      String[] args = new String[c.length + 2];
      args[0] = "run";
      args[1] = "--episodes";
      args[2] = "1";
      System.arraycopy(c, 1, args, 3, c.length - 1);
      CommandRun r = CommandRun.execute(args);
      assertEquals(2, r.exit(), r.err());
      assertEquals("nrl-edge: " + c[0].replace("--state-dir /", "--state-dir: /"), r.err().strip());
    }
    assertTrue(!Files.exists(dir.resolve("k")), "no folder made by a refused run");
  }
}
