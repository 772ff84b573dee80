package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

  private record Outcome(int exit, String out, String err) {}

  private static Outcome run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Main.execute(args);
      return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void shouldLearnTheEmbeddedDefaultToTheThresholdAndWriteTheSummary(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("summary.json");

    Outcome o = run("run", "--status", "never", "--summary-json", json.toString());

    assertEquals(0, o.exit(), o.err());
    String s = Files.readString(json);
    for (String key : new String[] {"ticks", "episodes", "solved", "final_ma100", "loop_p50_us", "loop_p99_us",
        "overruns", "alloc_bytes_per_tick", "faults"}) {
      assertTrue(s.contains("\"" + key + "\":"), key + " missing from " + s);
    }
    assertTrue(s.contains("\"solved\":true"), s);
    assertTrue(s.contains("\"stop_reason\":\"solved\""), s);
    assertTrue(o.out().contains("solved: true"), o.out());
  }

  @Test
  void shouldCompleteItsBudgetUnsolvedWithExitZero(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("summary.json");

    Outcome o = run("run", "--episodes", "20", "--seed", "3", "--status", "never", "--summary-json", json.toString());

    assertEquals(0, o.exit(), o.err());
    String s = Files.readString(json);
    assertTrue(s.contains("\"episodes\":20,"), s);
    assertTrue(s.contains("\"solved\":false"), s);
    assertTrue(s.contains("\"seed\":3,"), s);
  }

  @Test
  void shouldRejectBadOptionsWithOneLineAndExitTwo() {
    Outcome o = run("run", "--mode", "dream");

    assertEquals(2, o.exit());
    assertEquals("nrl-edge: --mode: must be train or eval, got 'dream'", o.err().strip());
  }

  @Test
  void shouldRejectAMissingProfileWithExitTwo() {
    Outcome o = run("run", "--profile", "no/such/file.yaml");

    assertEquals(2, o.exit());
    assertTrue(o.err().startsWith("nrl-edge: no/such/file.yaml: cannot read"), o.err());
    assertEquals(1, o.err().strip().lines().count());
  }

  @Test
  void shouldPointAProfileTypoAtItsFileLineAndKey(@TempDir Path dir) throws Exception {
    Path profile = dir.resolve("typo.yaml");
    Files.writeString(profile, Files.readString(Path.of(System.getProperty("nrledge.projectDir", "."),
        "device-profiles", "sim-cartpole.yaml")).replace("  learning-rate: 0.01", "  learning-rat: 0.01"));

    Outcome o = run("run", "--profile", profile.toString());

    assertEquals(2, o.exit());
    assertTrue(o.err().strip().matches("nrl-edge: .*typo\\.yaml:\\d+:3: learner\\.learning-rat: unknown key"), o.err());
  }

  @Test
  void shouldRunInEvalModeWithoutLearning(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("summary.json");

    Outcome o = run("run", "--mode", "eval", "--ticks", "2000", "--status", "never", "--summary-json", json.toString());

    assertEquals(0, o.exit(), o.err());
    String s = Files.readString(json);
    assertTrue(s.contains("\"mode\":\"eval\""), s);
    assertTrue(s.contains("\"ticks\":2000,"), s);
  }
}
