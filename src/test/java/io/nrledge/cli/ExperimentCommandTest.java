package io.nrledge.cli;

import io.nrledge.experiment.Method;
import io.nrledge.experiment.Task;
import io.nrledge.experiment.TaskDefaults;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.testing.CommandRun;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExperimentCommandTest {
  @TempDir Path tmp;

  private static CommandRun runCartPole(Path out, String threads) {
    return CommandRun.execute("experiment", "--task", "cartpole", "--rules", "nrl,bp", "--seeds", "1,2",
        "--episodes", "50", "--threads", threads, "--out", out.toString());
  }

  @Test
  void shouldWriteAllFourFilesWithTheirHeadersAndOneRowPerEpisodeAndRun() throws IOException {
    Path out = tmp.resolve("run");
    assertEquals(0, runCartPole(out, "2").exit());

    List<String> episodes = Files.readAllLines(out.resolve("episodes.csv"));
    assertEquals("task,rule,seed,lr,sigma,episode,return,steps", episodes.get(0));
    assertEquals(1 + 2 * 2 * 50, episodes.size());
    String[] lastBpRow = episodes.get(episodes.size() - 1).split(",", -1);
    String bpRate = Double.toString(TaskDefaults.learningRate(Task.CARTPOLE, Method.BP));
    assertEquals(List.of("cartpole", "bp", "2", bpRate, "", "50"), List.of(lastBpRow).subList(0, 6), "bp has no sigma");
    assertEquals(Integer.parseInt(lastBpRow[7]), Double.parseDouble(lastBpRow[6]), 0.0, "CartPole: return = steps");
    List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
    assertEquals("task,rule,seed,lr,sigma,episodes,final_ma100,solved_at_episode,run_class,first_goal_episode,"
        + "last_goal_episode,wall_seconds,steps_per_second", summary.get(0));
    assertEquals(1 + 4, summary.size());
    String nrlRate = Double.toString(TaskDefaults.learningRate(Task.CARTPOLE, Method.NRL));
    assertTrue(summary.get(1).startsWith("cartpole,nrl,1," + nrlRate + ",0.001,50,"), summary.get(1));
    assertEquals("-1", summary.get(1).split(",")[7]);
    List<String> aggregate = Files.readAllLines(out.resolve("aggregate.csv"));
    assertEquals(1 + 2, aggregate.size(), "one row per setting");
    assertTrue(aggregate.get(1).startsWith("cartpole,nrl," + nrlRate + ",0.001,2,50,0,0.0000,"), aggregate.get(1));
  }

  @Test
  void shouldGiveEachRuleItsOwnLearningRatesWhenNamed() throws IOException {
    Path out = tmp.resolve("named");
    CommandRun run = CommandRun.execute("experiment", "--task", "cartpole", "--rules", "nrl,bp", "--seeds", "1",
        "--episodes", "5", "--lr", "nrl=0.005,nrl=0.01,bp=0.03", "--out", out.toString());

    assertEquals(0, run.exit(), run.err());
    List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
    assertEquals(1 + 3, summary.size());
    assertTrue(summary.get(1).startsWith("cartpole,nrl,1,0.005,"), summary.get(1));
    assertTrue(summary.get(2).startsWith("cartpole,nrl,1,0.01,"), summary.get(2));
    assertTrue(summary.get(3).startsWith("cartpole,bp,1,0.03,"), summary.get(3));
  }

  @Test
  void shouldMentionEveryRunInConfigJson() throws IOException {
    Path out = tmp.resolve("run");
    runCartPole(out, "2");

    String config = Files.readString(out.resolve("config.json"));
    for (String rule : List.of("nrl", "bp")) {
      for (int seed = 1; seed <= 2; seed++) {
        String run = "\"task\": \"cartpole\", \"rule\": \"" + rule + "\", \"seed\": " + seed + ",";
        assertEquals(1, config.lines().filter(line -> line.contains(run)).count(), run);
      }
    }
    assertTrue(config.contains("\"layer_sizes\": [4, 64, 2]"));
    assertTrue(config.contains("\"sigma\": 0.001, \"noise\": \"gaussian\", \"noise_probe\": \"joint\","
        + " \"probes_per_layer\": 1, \"baseline_rate\": 0.66"));
    assertTrue(config.contains("\"rpe_norm\": \"return\""));
    assertTrue(config.contains("\"sigma\": null, \"noise\": null"), "bp has no noise");
    assertTrue(config.contains("\"version\": "));
    assertTrue(config.contains("\"episodes\": 50"));
  }

  @Test
  void shouldRenderThePlotAsAPngOfTheChosenSize() throws IOException {
    Path out = tmp.resolve("run");
    runCartPole(out, "2");

    BufferedImage image = ImageIO.read(out.resolve("curves.png").toFile());
    assertEquals(1200, image.getWidth());
    assertEquals(700, image.getHeight());
  }

  @Test
  void shouldWriteIdenticalEpisodesForTheSameCommandWhateverTheThreadCount() throws IOException {
    runCartPole(tmp.resolve("a"), "2");
    runCartPole(tmp.resolve("b"), "2");
    runCartPole(tmp.resolve("c"), "1");

    String first = Files.readString(tmp.resolve("a/episodes.csv"));
    assertEquals(first, Files.readString(tmp.resolve("b/episodes.csv")));
    assertEquals(first, Files.readString(tmp.resolve("c/episodes.csv")));
    assertEquals(withoutTimings(tmp.resolve("a/summary.csv")), withoutTimings(tmp.resolve("c/summary.csv")));
    assertEquals(Files.readString(tmp.resolve("a/aggregate.csv")), Files.readString(tmp.resolve("c/aggregate.csv")));
  }

  @Test
  void shouldPrintATablePerSettingAndOneStderrLinePerRunOffATerminal() {
    CommandRun run = runCartPole(tmp.resolve("run"), "2");

    List<String> out = run.outLines();
    assertEquals("CartPole-v1: 4 runs, 50 episodes each", out.get(0));
    assertTrue(out.get(1).startsWith("setting"), out.get(1));
    assertTrue(out.get(2).matches("nrl +0/2 +- +- +\\d+\\.\\d +\\d+"), out.get(2));
    assertTrue(out.get(3).matches("bp +0/2 +- +- +\\d+\\.\\d +\\d+"), out.get(3));
    List<String> err = run.errLines();
    assertEquals(4, err.size(), String.join("\n", err));
    for (String line : err) {
      assertTrue(line.matches("cartpole (nrl|bp) seed [12]: not solved, final ma100 \\d+\\.\\d, \\d+\\.\\d s"), line);
    }
  }

  @Test
  void shouldGiveNrlLayerPartitionedProbesAndTheFanOutFactorWhenAsked() throws IOException {
    Path out = tmp.resolve("partitioned");
    CommandRun run = CommandRun.execute("experiment", "--task", "reaching", "--rules", "nrl-layer", "--seeds", "4",
        "--steps", "600", "--probes", "8", "--probe-layout", "partitioned", "--layer-fanout", "on", "--out",
        out.toString());

    assertEquals(0, run.exit(), run.err());
    String config = Files.readString(out.resolve("config.json"));
    assertTrue(config.contains("\"noise_probe\": \"partitioned\", \"probes_per_layer\": 8,"), config);
    assertTrue(config.contains("\"fan_out\": true"), config);
  }

  @Test
  void shouldRunReachingTrialsFromAStepBudgetWithTheCorrectedReward() throws IOException {
    Path out = tmp.resolve("reaching");
    CommandRun run = CommandRun.execute("experiment", "--task", "reaching", "--rules", "nrl", "--seeds", "4",
        "--steps", "700", "--corrected", "--out", out.toString());

    assertEquals(0, run.exit());
    List<String> episodes = Files.readAllLines(out.resolve("episodes.csv"));
    assertEquals(1 + 2, episodes.size(), "floor(700 / 300) = 2 whole trials");
    assertTrue(episodes.get(2).startsWith("reaching,nrl,4,0.01,0.001,2,") && episodes.get(2).endsWith(",300"));
    assertTrue(Files.readString(out.resolve("config.json")).contains(
        "\"reward\": \"corrected\", \"rule\": \"nrl\", \"seed\": 4,"));
    assertTrue(Files.readString(out.resolve("config.json")).contains("\"fan_out\": false"));
    assertTrue(Files.readString(out.resolve("config.json")).contains("\"trials\": 2, \"steps\": 600"));
    List<String> err = run.errLines();
    assertEquals(1, err.size());
    assertTrue(err.get(0).matches("reaching nrl seed 4: final ma100 -?\\d+\\.\\d, \\d+\\.\\d s"), err.get(0));
  }

  @Test
  void shouldRefuseANonEmptyOutputFolderUnlessForced() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(out.resolve("notes.txt"), "keep");

    CommandRun refused = runCartPole(out, "1");
    assertEquals(2, refused.exit());
    assertEquals(List.of("nrl-edge: --out: '" + out + "' is not empty (add --force to overwrite, --resume to finish it)"),
        refused.errLines());
    assertFalse(Files.exists(out.resolve("episodes.csv")));

    assertEquals(0, CommandRun.execute("experiment", "--task", "cartpole", "--rules", "bp", "--seeds", "1",
        "--episodes", "5", "--out", out.toString(), "--force").exit());
    assertTrue(Files.exists(out.resolve("episodes.csv")));
    assertEquals("keep", Files.readString(out.resolve("notes.txt")));
  }

  static Stream<Arguments> badOptions() {
    return Stream.of(
        Arguments.of(List.of("--rules", "nrl,x"), "--rules: unknown rule 'x' (nrl, nrl-layer, rmhl, rmhl-implicit, bp)"),
        Arguments.of(List.of("--rules", "nrl,nrl"), "--rules: 'nrl' is listed twice"),
        Arguments.of(List.of("--rules", "nrl,"), "--rules: empty entry in 'nrl,'"),
        Arguments.of(List.of("--task", "pendulum"), "--task: unknown task 'pendulum' (cartpole, acrobot, reaching)"),
        Arguments.of(List.of("--seeds", "1,a"), "--seeds: 'a' is not an integer"),
        Arguments.of(List.of("--episodes", "0"), "--episodes: must be >= 1, got 0"),
        Arguments.of(List.of("--episodes", "ten"), "--episodes: 'ten' is not an integer"),
        Arguments.of(List.of("--steps", "1000"), "--steps: cartpole counts episodes; use --episodes"),
        Arguments.of(List.of("--task", "reaching", "--episodes", "10"), "--episodes: reaching counts steps; use --steps"),
        Arguments.of(List.of("--task", "reaching", "--steps", "299"), "--steps: must be 300 (one trial) or more, got 299"),
        Arguments.of(List.of("--lr", "0.1,-1"), "--lr: values must be finite and > 0, got '-1'"),
        Arguments.of(List.of("--sigma", "abc"), "--sigma: 'abc' is not a number"),
        Arguments.of(List.of("--hidden", "64,0"), "--hidden: must be >= 1, got 0"),
        Arguments.of(List.of("--fanout", "maybe"), "--fanout: must be on or off, got 'maybe'"),
        Arguments.of(List.of("--noise", "uniform"), "--noise: unknown noise 'uniform' (gaussian, rademacher)"),
        Arguments.of(List.of("--probes", "0"), "--probes: must be >= 1, got 0"),
        Arguments.of(List.of("--rpe-norm", "max"), "--rpe-norm: must be return or larger, got 'max'"),
        Arguments.of(List.of("--lr", "nrl=0.1,0.2"), "--lr: mix of bare and RULE=X entries in 'nrl=0.1,0.2'"),
        Arguments.of(List.of("--lr", "nrl-layer=0.1"), "--lr: 'nrl-layer' is not one of --rules"),
        Arguments.of(List.of("--lr", "nrl=0.1,nrl=0.1"), "--lr: nrl=0.1 is listed twice"),
        Arguments.of(List.of("--probes", "2000"), "--probes: must be 1..1024, got 2000"),
        Arguments.of(List.of("--corrected"), "--corrected: only reaching has a corrected reward"),
        Arguments.of(List.of("--task", "reaching", "--stop-when-solved"),
            "--stop-when-solved: reaching has no solved threshold"),
        Arguments.of(List.of("--threads", "0"), "--threads: must be >= 1, got 0"));
  }

  @ParameterizedTest
  @MethodSource("badOptions")
  void shouldRejectABadOptionWithExitTwoAndOneLineNamingIt(List<String> options, String message) {
    Path out = tmp.resolve("never");
    List<String> args = new ArrayList<>(List.of("experiment"));
    if (!options.contains("--task")) {
      args.addAll(List.of("--task", "cartpole"));
    }
    if (!options.contains("--episodes") && !options.contains("--steps")) {
      args.addAll(List.of(options.contains("reaching") ? "--steps" : "--episodes", "300"));
    }
    args.addAll(options);
    args.addAll(List.of("--out", out.toString()));

    CommandRun run = CommandRun.execute(args.toArray(String[]::new));

    assertEquals(2, run.exit());
    assertEquals(List.of("nrl-edge: " + message), run.errLines());
    assertFalse(Files.exists(out), "nothing is created before every option is valid");
    assertTrue(run.outLines().isEmpty());
  }

  @Test
  void shouldRejectAnOutputPathThatIsAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("file.txt"), "x");

    CommandRun run = runCartPole(file, "1");

    assertEquals(2, run.exit());
    assertEquals(List.of("nrl-edge: --out: '" + file + "' exists and is not a folder"), run.errLines());
  }

  private static List<String> withoutTimings(Path summary) throws IOException {
    return Files.readAllLines(summary).stream().map(line -> line.substring(0, nthComma(line, 11))).toList();
  }

  private static int nthComma(String line, int n) {
    int index = -1;
    for (int i = 0; i < n; i++) {
      index = line.indexOf(',', index + 1);
    }
    return index;
  }
}
