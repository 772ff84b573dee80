package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.testing.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

  @Test
  void shouldLearnTheEmbeddedDefaultToTheThresholdAndWriteTheSummary(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("summary.json");

    CommandRun o = CommandRun.execute("run", "--status", "never", "--summary-json", json.toString());

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

    CommandRun o = CommandRun.execute("run", "--episodes", "20", "--seed", "3", "--status", "never",
        "--summary-json", json.toString());

    assertEquals(0, o.exit(), o.err());
    String s = Files.readString(json);
    assertTrue(s.contains("\"episodes\":20,"), s);
    assertTrue(s.contains("\"solved\":false"), s);
    assertTrue(s.contains("\"seed\":3,"), s);
  }

  @Test
  void shouldRejectBadOptionsWithOneLineAndExitTwo() {
    CommandRun o = CommandRun.execute("run", "--mode", "dream");

    assertEquals(2, o.exit());
    assertEquals("nrl-edge: --mode: must be one of train, eval, random or reference, got 'dream'", o.err().strip());
  }

  @Test
  void shouldRejectBadLearnerOverridesWithOneLineNamingTheOptionAndExitTwo() {
    assertEquals("nrl-edge: --rule: unknown rule 'sgd' (nrl, nrl-layer, rmhl, rmhl-implicit, bp)",
        CommandRun.execute("run", "--rule", "sgd").err().strip());
    assertEquals("nrl-edge: --sigma: must be a finite number > 0.0, got 0.0",
        CommandRun.execute("run", "--sigma", "0").err().strip());
    assertEquals("nrl-edge: --probes: only rule nrl-layer probes more than once, the rule is nrl",
        CommandRun.execute("run", "--rule", "nrl", "--probes", "4").err().strip());
    assertEquals("nrl-edge: --probes: must be 1..1024, got 0",
        CommandRun.execute("run", "--rule", "nrl-layer", "--probes", "0").err().strip());
    assertEquals(2, CommandRun.execute("run", "--lr", "-1").exit());
  }

  @Test
  void shouldRunAnotherRuleThanTheProfilesWithoutEditingIt(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("summary.json");

    CommandRun o = CommandRun.execute("run", "--rule", "nrl-layer", "--probes", "4", "--lr", "0.05", "--ticks", "2000",
        "--status", "never", "--summary-json", json.toString());

    assertEquals(0, o.exit(), o.err());
    String s = Files.readString(json);
    assertTrue(s.contains("\"rule\":\"nrl-layer\",\"learning_rate\":0.05,"), s);
  }

  @Test
  void shouldTakeTheFanOutFactorFromTheRuleUnlessTheProfileOrTheOptionSaysOtherwise(@TempDir Path dir)
      throws Exception {
    String rover = Path.of(System.getProperty("nrledge.projectDir", "."), "device-profiles", "sim-rover.yaml").toString();
    assertEquals(false, fanOut(dir, List.of()), "the default profile: nrl-layer, no key");
    assertEquals(true, fanOut(dir, List.of("--rule", "nrl")), "the paper's rule has it by default");
    assertEquals(true, fanOut(dir, List.of("--fan-out", "on")));
    assertEquals(true, fanOut(dir, List.of("--profile", rover)), "the rover's profile turns it on");
    assertEquals(false, fanOut(dir, List.of("--profile", rover, "--fan-out", "off")));
  }

  @Test
  void shouldReportTheProbeLayoutOfTheProfileUnlessTheOptionSaysOtherwise(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("layout.json");
    for (String layout : new String[] {null, "partitioned", "independent"}) {
      List<String> args = new ArrayList<>(List.of("run", "--ticks", "200", "--status", "never", "--summary-json",
          json.toString()));
      if (layout != null) {
        args.addAll(List.of("--probe-layout", layout));
      }
      CommandRun o = CommandRun.execute(args.toArray(String[]::new));
      assertEquals(0, o.exit(), o.err());
      String expected = layout == null ? "independent" : layout;
      assertTrue(Files.readString(json).contains("\"probe_layout\":\"" + expected + "\""), Files.readString(json));
    }
  }

  /** The summary's fan_out after a short run with {@code options}. */
  private static boolean fanOut(Path dir, List<String> options) throws Exception {
    Path json = dir.resolve("fan-out.json");
    List<String> args = new ArrayList<>(List.of("run", "--ticks", "200", "--status", "never", "--summary-json",
        json.toString()));
    args.addAll(options);
    CommandRun o = CommandRun.execute(args.toArray(String[]::new));
    assertEquals(0, o.exit(), o.err());
    String s = Files.readString(json);
    assertTrue(s.contains("\"fan_out\":true") != s.contains("\"fan_out\":false"), s);
    return s.contains("\"fan_out\":true");
  }

  @Test
  void shouldRejectAMissingProfileWithExitTwo() {
    CommandRun o = CommandRun.execute("run", "--profile", "no/such/file.yaml");

    assertEquals(2, o.exit());
    assertTrue(o.err().startsWith("nrl-edge: no/such/file.yaml: cannot read"), o.err());
    assertEquals(1, o.err().strip().lines().count());
  }

  @Test
  void shouldPointAProfileTypoAtItsFileLineAndKey(@TempDir Path dir) throws Exception {
    Path profile = dir.resolve("typo.yaml");
    Files.writeString(profile, Files.readString(Path.of(System.getProperty("nrledge.projectDir", "."),
        "device-profiles", "sim-cartpole.yaml")).replace("  learning-rate: 0.2", "  learning-rat: 0.2"));

    CommandRun o = CommandRun.execute("run", "--profile", profile.toString());

    assertEquals(2, o.exit());
    assertTrue(o.err().strip().matches("nrl-edge: .*typo\\.yaml:\\d+:3: learner\\.learning-rat: unknown key"
        + " \\(did you mean 'learning-rate'\\?\\)"), o.err());
  }

  @Test
  void shouldRunInEvalModeWithoutLearning(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("summary.json");

    CommandRun o = CommandRun.execute("run", "--mode", "eval", "--ticks", "2000", "--status", "never",
        "--summary-json", json.toString());

    assertEquals(0, o.exit(), o.err());
    String s = Files.readString(json);
    assertTrue(s.contains("\"mode\":\"eval\""), s);
    assertTrue(s.contains("\"ticks\":2000,"), s);
  }

  @Test
  void shouldApplyTheProfilesRealtimeSettingsToTheControlThreadOrSayWhyNot(@TempDir Path dir) throws Exception {
    Path project = Path.of(System.getProperty("nrledge.projectDir", "."));
    Path profile = dir.resolve("rt.yaml");
    Files.writeString(profile, Files.readString(project.resolve("device-profiles/sim-cartpole.yaml"))
        .replace("time: fast", "time: realtime\n  dry-run-ticks: 0\n  rt-priority: 10\n  cpu-set: \"0\"")
        .replace("period: 20ms", "period: 2ms"));
    Path json = dir.resolve("summary.json");

    CommandRun o = CommandRun.execute("run", "--profile", profile.toString(), "--ticks", "50", "--status", "never",
        "--summary-json", json.toString());

    assertEquals(0, o.exit(), o.err());
    String s = Files.readString(json);
    assertTrue(s.contains("\"rt_priority\":10,"), s);
    assertTrue(s.contains("\"rt_priority_applied\":true") || s.contains("SCHED_FIFO priority 10 refused"), s);
    assertTrue(s.contains("\"cpu_set\":\"0\"") || s.contains("\"rt_warnings\":\""), s);
  }

  @Test
  void shouldRefuseABadCpuSetInTheProfileWithItsPosition(@TempDir Path dir) throws Exception {
    Path project = Path.of(System.getProperty("nrledge.projectDir", "."));
    Path profile = dir.resolve("rt.yaml");
    Files.writeString(profile, Files.readString(project.resolve("device-profiles/sim-cartpole.yaml"))
        .replace("time: fast", "time: realtime\n  cpu-set: \"3-1\""));

    CommandRun o = CommandRun.execute("run", "--profile", profile.toString(), "--ticks", "5", "--status", "never");

    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().startsWith("nrl-edge: " + profile + ":"), o.err());
    assertTrue(o.err().contains("loop.cpu-set"), o.err());
  }
}
