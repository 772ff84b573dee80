package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.testing.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code learner.budget} and {@code run --budget}: probes fitted on this machine, recorded, reproducible. */
class LearnerBudgetRunTest {
  private static final Path PROJECT = Path.of(System.getProperty("nrledge.projectDir", "."));

  private static String field(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":([^,}]+)").matcher(json);
    assertTrue(m.find(), key + " missing from " + json);
    return m.group(1);
  }

  /** The shipped CartPole rig with {@code rule} and {@code extra} lines in its learner section. */
  private static Path cartPole(Path dir, String rule, String extra) throws Exception {
    Path profile = dir.resolve("budget.yaml");
    Files.writeString(profile, Files.readString(PROJECT.resolve("device-profiles/sim-cartpole.yaml"))
        .replaceAll("(?m)^  probes-per-layer:.*\\n", "")
        .replaceAll("(?m)^  rule: [a-z-]+", "  rule: " + rule)
        .replaceFirst("(?m)^learner:.*$", "learner:\n" + extra));
    return profile;
  }

  @Test
  void shouldRecordTheProbesFittedToTheBudgetAndRerunBitIdenticallyWithThem(@TempDir Path dir) throws Exception {
    Path fitted = dir.resolve("fitted.json");
    Path rerun = dir.resolve("rerun.json");
    String[] run = {"run", "--rule", "nrl-layer", "--lr", "0.2", "--episodes", "40", "--seed", "7", "--status",
        "never", "--summary-json"};

    CommandRun first = CommandRun.execute(concat(run, fitted.toString(), "--budget", "100us"));
    assertEquals(0, first.exit(), first.err());
    String a = Files.readString(fitted);
    int probes = Integer.parseInt(field(a, "probes_per_layer"));
    CommandRun second = CommandRun.execute(concat(run, rerun.toString(), "--probes", String.valueOf(probes)));
    assertEquals(0, second.exit(), second.err());
    String b = Files.readString(rerun);

    assertEquals("100.0", field(a, "budget_us"));
    assertTrue(probes >= 1 && probes <= 1024, a);
    assertTrue(!b.contains("\"budget_us\""), b);
    for (String key : new String[] {"ticks", "episodes", "final_ma100", "best_ma100"}) {
      if (a.contains("\"" + key + "\":")) {
        assertEquals(field(a, key), field(b, key), key + " differs between the fitted run and its rerun");
      }
    }
    assertEquals(field(a, "ticks"), field(b, "ticks"));
  }

  @Test
  void shouldFitPartitionedProbesNoFurtherThanTheWidestLayer(@TempDir Path dir) throws Exception {
    String s = summaryOfShortRun(dir, cartPole(dir, "nrl-layer", "  budget: 100ms\n  probe-layout: partitioned"));

    assertEquals("64", field(s, "probes_per_layer"), "sim-cartpole's 64 hidden units, one probe each: " + s);
    assertEquals("\"partitioned\"", field(s, "probe_layout"), s);
  }

  @Test
  void shouldTakeTheBudgetFromTheProfilesLearnerSection(@TempDir Path dir) throws Exception {
    String s = summaryOfShortRun(dir, cartPole(dir, "nrl-layer", "  budget: 50us"));

    assertEquals("50.0", field(s, "budget_us"));
    assertTrue(Integer.parseInt(field(s, "probes_per_layer")) >= 1, s);
  }

  /** The summary of a 200-tick run of {@code profile}, which must succeed. */
  private static String summaryOfShortRun(Path dir, Path profile) throws Exception {
    Path json = dir.resolve("summary.json");
    CommandRun o = CommandRun.execute("run", "--profile", profile.toString(), "--ticks", "200", "--status", "never",
        "--summary-json", json.toString());
    assertEquals(0, o.exit(), o.err());
    return Files.readString(json);
  }

  @Test
  void shouldRefuseABudgetForARuleWithoutPerLayerProbesAtItsKey(@TempDir Path dir) throws Exception {
    Path profile = cartPole(dir, "nrl", "  budget: 200us");

    CommandRun o = CommandRun.execute("run", "--profile", profile.toString(), "--ticks", "5", "--status", "never");

    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().strip().matches("nrl-edge: .*budget\\.yaml:\\d+:\\d+: learner\\.budget: only rule nrl-layer"
        + " chooses its probes to fit a budget, the rule is nrl"), o.err());
  }

  @Test
  void shouldRefuseABudgetBesideProbesPerLayerAtItsKey(@TempDir Path dir) throws Exception {
    Path profile = cartPole(dir, "nrl-layer", "  budget: 200us\n  probes-per-layer: 8");

    CommandRun o = CommandRun.execute("run", "--profile", profile.toString(), "--ticks", "5", "--status", "never");

    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().strip().matches("nrl-edge: .*budget\\.yaml:\\d+:11: learner\\.budget: give either budget"
        + " \\(the probes are chosen to fit it\\) or probes-per-layer, not both"), o.err());
  }

  @Test
  void shouldRefuseABudgetThatIsNotADurationAtItsKey(@TempDir Path dir) throws Exception {
    Path profile = cartPole(dir, "nrl-layer", "  budget: lots");

    CommandRun o = CommandRun.execute("run", "--profile", profile.toString(), "--ticks", "5", "--status", "never");

    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().strip().matches("nrl-edge: .*budget\\.yaml:\\d+:11: learner\\.budget: must be a duration like"
        + " 20ms, 150us or 10s, got 'lots'"), o.err());
  }

  @Test
  void shouldRefuseABudgetThatNotOneProbeFitsWithOneLine() {
    CommandRun o = CommandRun.execute("run", "--rule", "nrl-layer", "--budget", "100ns", "--ticks", "5", "--status",
        "never");

    assertEquals(2, o.exit(), o.err());
    assertTrue(o.err().strip().matches("nrl-edge: --budget: one probe per layer takes \\d+\\.\\d us per tick on this"
        + " machine, more than the budget of 0\\.1 us"), o.err());
  }

  @Test
  void shouldRefuseBudgetAndProbesTogetherOrABadBudgetOption() {
    assertEquals("nrl-edge: --budget: give either --budget (the probes are chosen to fit it) or --probes, not both",
        CommandRun.execute("run", "--rule", "nrl-layer", "--budget", "200us", "--probes", "4").err().strip());
    assertEquals("nrl-edge: --budget: must be a duration like 20ms, 150us or 10s, got 'soon'",
        CommandRun.execute("run", "--rule", "nrl-layer", "--budget", "soon").err().strip());
    assertEquals("nrl-edge: --budget: only rule nrl-layer chooses its probes to fit a budget, the rule is bp",
        CommandRun.execute("run", "--rule", "bp", "--budget", "200us").err().strip());
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
