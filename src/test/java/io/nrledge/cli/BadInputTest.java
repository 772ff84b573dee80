package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nrledge.testing.CommandRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed input of issue 9, and a few more, through the real command line: each must end
 * with exit 2 and exactly one stderr line that names the key, option or file, without a stack
 * trace, and must leave no output file behind.
 */
class BadInputTest {
  private static final Path PROJECT = Path.of(System.getProperty("nrledge.projectDir", "."));
  private static final Path DIR = freshFolder();
  private static int files;

  /** One malformed input: the arguments, a text the one error line must contain, and a path that must not appear. */
  record Case(String name, List<String> args, String names, String reason, Path mustNotExist) {
    Case(String name, List<String> args, String names, Path mustNotExist) {
      this(name, args, names, "", mustNotExist);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static Path freshFolder() {
    try {
      return Files.createTempDirectory(Files.createDirectories(PROJECT.resolve("target")), "bad-inputs-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Case> profileCases() throws IOException {
    return cases().filter(c -> c.name().startsWith("profile: "));
  }

  static Stream<Case> cases() throws IOException {
    List<Case> c = new ArrayList<>();
    // profiles: the YAML itself
    c.add(profile("2,000 nested flow lists", write("name: x\nlearner:\n  hidden: " + "[".repeat(2000) + "]".repeat(2000)),
        "yaml: nested more than 16 levels"));
    StringBuilder block = new StringBuilder("name: x\n");
    for (int i = 0; i < 600; i++) {
      block.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    c.add(profile("600 nested block maps", write(block.toString()), "yaml: nested more than 16 levels"));
    c.add(profile("a custom tag", mutate("name: sim-cartpole", "name: !foo sim-cartpole"), "tags such as '!foo'"));
    StringBuilder laughs = new StringBuilder("name: x\nl0: &l0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n");
    for (int i = 1; i < 9; i++) {
      laughs.append("l").append(i).append(": &l").append(i).append(" [").append(("*l" + (i - 1) + ", ").repeat(9))
          .append("*l").append(i - 1).append("]\n");
    }
    c.add(profile("a billion laughs of aliases", write(laughs.toString()), "yaml: "));
    c.add(profile("two documents", write("name: x\n---\nname: y\n"), "yaml: "));
    c.add(profile("a 500,000-digit seed", mutate("seed: 1", "seed: " + "9".repeat(500_000)), "run.seed: must be a whole number"));
    c.add(profile("a name with a newline", mutate("name: sim-cartpole", "name: \"a\\nb\""), "name: must be 1..200 characters"));
    c.add(profile("/dev/zero", "/dev/zero", "/dev/zero: cannot read: not a regular file"));
    c.add(profile("a FIFO", fifo(), "cannot read: not a regular file"));
    c.add(profile("a file over 1 MiB", write("# " + "x".repeat(1 << 20) + "\nname: x\n"), "over the limit of 1048576 bytes"));
    c.add(profile("a missing file", DIR.resolve("no-such.yaml").toString(), "no-such.yaml: cannot read: not found"));
    c.add(profile("a folder", DIR.toString(), "cannot read: is a folder"));
    c.add(profile("Latin-1 text", bytes("name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)), "not UTF-8 text"));
    c.add(profile("UTF-16 text", bytes("name: x\n".getBytes(StandardCharsets.UTF_16)), "not UTF-8 text"));
    c.add(profile("UTF-16LE text without a mark", bytes("name: x\n".getBytes(StandardCharsets.UTF_16LE)), "not UTF-8 text"));
    c.add(profile("binary", bytes(new byte[] {(byte) 0xff, (byte) 0xd8, 0, 1, 2, (byte) 0x80}), "not UTF-8 text"));
    // profiles: values with a range
    c.add(profile("average-window 2e9", mutate("average-window: 100", "average-window: 2000000000"),
        "episodes.average-window: must be 1..100000"));
    c.add(profile("8 layers of 4096", mutate("hidden: [64]", "hidden: [4096,4096,4096,4096,4096,4096,4096,4096]"),
        "learner.hidden: 4-4096"));
    c.add(profile("64 hidden layers", mutate("hidden: [64]", "hidden: [" + "8,".repeat(63) + "8]"),
        "learner.hidden: at most 16 hidden layers"));
    c.add(profile("hidden: []", mutate("hidden: [64]", "hidden: []"), "learner.hidden: needs at least one"));
    c.add(profile("hidden: [1e10]", mutate("hidden: [64]", "hidden: [1e10]"), "learner.hidden: layer widths"));
    c.add(profile("reward.per-tick .inf", mutate("per-tick: 1.0", "per-tick: .inf"), "reward.per-tick: must be a finite"));
    c.add(profile("reward.terminal .inf", mutate("terminal: 0.0", "terminal: .inf"), "reward.terminal: must be a finite"));
    c.add(profile("reward.terminal -1e308", mutate("terminal: 0.0", "terminal: -1e308"), "reward.terminal: must be a finite"));
    c.add(profile("observation.scale .inf", mutate("min: [-5, -50, -1.6, -50]",
        "min: [-5, -50, -1.6, -50]\n  scale: [.inf, 1, 1, 1]"), "observation.scale: channel 0: must be a finite"));
    c.add(profile("actions.table .inf", mutate("- [10.0]", "- [.inf]"), "actions.table: row 1"));
    c.add(profile("rig.bump-reward -1e308", mutateRover("bump-reward: -1.0", "bump-reward: -1e308"),
        "rig.bump-reward: must be a finite"));
    // real boards: refused by the loader before the board is touched
    c.add(profile("a motor on a pin without hardware PWM", mutateFile("pi-rover.yaml", "pwm-pin: 19", "pwm-pin: 20"),
        "actuators[1].pwm-pin: GPIO 20 has no hardware PWM: hardware PWM pins on raspberry-pi-4 are 12, 13, 18, 19"));
    c.add(profile("a bumper on the I2C clock pin", mutateFile("pi-rover.yaml", "pin: 27", "pin: 3"),
        "events[1].pin: GPIO 3 is already used by i2c1 (sensors[0])"));
    c.add(profile("a misspelt sensor kind", mutateFile("pi-rover.yaml", "kind: ads1115", "kind: ads1151"),
        "sensors[0].kind: must be one of digital-input, ads1115, mcp3008, mpu6050, counter, got 'ads1151' (did you mean 'ads1115'?)"));
    c.add(profile("period 1ns", mutate("period: 20ms", "period: 1ns"), "loop.period: must be 10us..10s"));
    c.add(profile("period 1h", mutate("period: 20ms", "period: 1h"), "loop.period: must be 10us..10s"));
    c.add(profile("spin longer than the period", mutate("idle: park-spin", "idle: park-spin\n  spin: 30ms"),
        "loop.spin: must be >= 0 and shorter than the period"));
    c.add(profile("idle wait", mutate("idle: park-spin", "idle: wait"), "loop.idle: must be park-spin, spin or park"));
    c.add(profile("rt-priority 100", mutate("idle: park-spin", "idle: park-spin\n  rt-priority: 100"),
        "loop.rt-priority: must be 1..99"));
    c.add(profile("cpu-set 3-1", mutate("idle: park-spin", "idle: park-spin\n  cpu-set: 3-1"), "loop.cpu-set:"));
    c.add(profile("name ''", mutate("name: sim-cartpole", "name: ''"), "name: must be 1..200 characters"));
    c.add(profile("max-episodes 0", mutate("max-episodes: 10000", "max-episodes: 0"), "run.max-episodes: must be >= 1"));
    c.add(profile("learning-rate 1e308", mutate("learning-rate: 0.2", "learning-rate: 1e308"),
        "learner.learning-rate: must be in"));
    c.add(profile("sigma 1e308", mutate("sigma: 0.001", "sigma: 1e308"), "learner.sigma: must be in"));
    c.add(profile("baseline-rate 2", mutate("baseline-rate: 0.66", "baseline-rate: 2"), "learner.baseline-rate: must be in"));
    c.add(profile("continuing without decay", mutateRover("trace-decay: 0.98", "trace-decay: 1.0"),
        "learner.trace-decay: the continuing form needs a decaying trace"));
    c.add(profile("exploration 1", mutateRover("trace-decay: 0.98", "trace-decay: 0.98\n  exploration: 1"),
        "learner.exploration: must be in [0, 1), got 1.0"));
    c.add(profile("exploration-hold 30000", mutateRover("trace-decay: 0.98",
        "trace-decay: 0.98\n  exploration: 0.01\n  exploration-hold: 30000"),
        "learner.exploration-hold: must be 1..24000 ticks, got 30000"));
    c.add(profile("critic on an episodic profile", mutate("baseline-rate: 0.66", "baseline-rate: 0.66\n  critic-rate: 0.01"),
        "learner.critic-rate: a critic needs the continuing form"));
    c.add(profile("critic-discount 1", mutateRover("critic-discount: 0.99", "critic-discount: 1"),
        "learner.critic-discount: must be in [0, 1), got 1.0"));
    c.add(profile("weight-decay -1", mutateRover("weight-decay: 1.0e-5", "weight-decay: -1"),
        "learner.weight-decay: must be in [0, 1), got -1.0"));
    c.add(profile("weight-decay-after -5", mutateRover("weight-decay-after: 3000", "weight-decay-after: -5"),
        "learner.weight-decay-after: must be"));
    c.add(profile("fan-out maybe", mutateRover("fan-out: true", "fan-out: maybe"),
        "learner.fan-out: must be true or false, got 'maybe'"));
    c.add(profile("probe-layout striped", mutateRover("fan-out: true", "fan-out: true\n  probe-layout: striped"),
        "learner.probe-layout: must be one of independent, partitioned, got 'striped'"));
    c.add(profile("probe-layout on nrl", mutateRover("rule: nrl-layer", "rule: nrl\n  probe-layout: partitioned"),
        "learner.probe-layout: only rule nrl-layer partitions its probes, the rule is nrl"));
    c.add(profile("reward-history-steps 1e5", mutateRover("reward-history-steps: 32", "reward-history-steps: 100000"),
        "learner.reward-history-steps: must be 1..4096"));
    c.add(profile("max-consecutive-overruns 1e11", mutate("max-consecutive-overruns: 5",
        "max-consecutive-overruns: 99999999999"), "watchdog.max-consecutive-overruns: must be 1..2147483647"));
    c.add(profile("time-limit-ticks -1", mutate("time-limit-ticks: 500", "time-limit-ticks: -1"),
        "episodes.time-limit-ticks: must be >= 0"));
    c.add(profile("solved-average .inf", mutate("solved-average: 475", "solved-average: .inf"),
        "episodes.solved-average: must be finite"));
    // command-line options
    c.add(new Case("bench learner --nets 65536-65536-2", List.of("bench", "learner", "--nets", "65536-65536-2"),
        "--nets: '65536-65536-2': 65536-65536-2 has 4,295,098,368 parameters", null));
    c.add(new Case("bench learner --round-ms max", List.of("bench", "learner", "--round-ms", "2147483647"),
        "--round-ms: must be 1..60000", null));
    c.add(new Case("bench learner --warmup-steps huge", List.of("bench", "learner", "--warmup-steps", "99999999999"),
        "--warmup-steps: must be 0..10000000", null));
    c.add(new Case("bench learner --probes 2000", List.of("bench", "learner", "--probes", "2000"),
        "--probes: must be 0..1024", null));
    c.add(new Case("bench loop --seconds 1e-9", List.of("bench", "loop", "--seconds", "1e-9"), "--seconds: must be in", null));
    c.add(new Case("bench loop --seconds 1e9", List.of("bench", "loop", "--seconds", "1e9"), "--seconds: must be in", null));
    c.add(new Case("bench loop --spin-us 5000", List.of("bench", "loop", "--spin-us", "5000"),
        "--spin-us: must be >= 0 and shorter than the period", null));
    c.add(new Case("trace with 1e300 velocities", List.of("trace", "--task", "cartpole", "--init", "0,1e300,0,1e300",
        "--actions", "1,1,1"), "--init: step 1 is no longer finite", null));
    c.add(experiment("--hidden 65536,65536", List.of("--hidden", "65536,65536"), "--hidden: "));
    c.add(experiment("--lr 1e308", List.of("--lr", "1e308"), "--lr: must be in [0, 1000000.0], got 1.0E308"));
    c.add(experiment("--sigma 1e308", List.of("--sigma", "1e308"), "--sigma: must be in (0, 10.0], got 1.0E308"));
    c.add(experiment("--rms-step on cartpole", List.of("--rms-step", "0.999"),
        "--rms-step: the normalised step is built for the immediate form (per-step rewards), got EPISODIC"));
    c.add(experiment("--rms-step 1", List.of("--rms-step", "1"), "--rms-step: must be in [0, 1), got 1.0"));
    c.add(experiment("--resume with --force", List.of("--resume", "--force"), "--resume: cannot be combined with --force"));
    c.add(experiment("--resume without an experiment", List.of("--resume"), "--resume: no experiment to resume"));
    c.add(new Case("experiment --out ''", List.of("experiment", "--task", "cartpole", "--episodes", "5", "--out", ""),
        "--out: must not be empty", null));
    c.add(new Case("experiment --out /proc/x", List.of("experiment", "--task", "cartpole", "--episodes", "5", "--out",
        "/proc/nrl-edge-x"), "--out: cannot write into '/proc/nrl-edge-x'", Path.of("/proc/nrl-edge-x")));
    c.add(summary("a missing parent", DIR.resolve("no/such/s.json"), "no such folder"));
    c.add(summary("a folder", DIR, "is a folder"));
    c.add(summary("/dev/full", Path.of("/dev/full"), "is not a regular file"));
    c.add(summary("/proc/x", Path.of("/proc/nrl-edge-s.json"), "cannot write '/proc/nrl-edge-s.json'"));
    c.add(new Case("run --exploration -0.1", List.of("run", "--profile", "device-profiles/sim-rover.yaml", "--ticks", "10",
        "--status", "never", "--exploration", "-0.1"), "--exploration: must be in [0, 1), got -0.1", null));
    c.add(new Case("run --exploration-hold 0", List.of("run", "--profile", "device-profiles/sim-rover.yaml", "--ticks",
        "10", "--status", "never", "--exploration", "0.01", "--exploration-hold", "0"),
        "--exploration-hold: must be 1..24000 ticks, got 0", null));
    c.add(new Case("run --critic-rate 2", List.of("run", "--profile", "device-profiles/sim-rover.yaml", "--ticks", "10",
        "--status", "never", "--critic-rate", "2"), "--critic-rate: must be in [0.0, 1.0], got 2.0", null));
    c.add(new Case("run --weight-decay 1", List.of("run", "--profile", "device-profiles/sim-rover.yaml", "--ticks", "10",
        "--status", "never", "--weight-decay", "1"), "--weight-decay: must be in [0, 1), got 1.0", null));
    c.add(new Case("run --fan-out yes", List.of("run", "--profile", "device-profiles/sim-rover.yaml", "--ticks", "10",
        "--status", "never", "--fan-out", "yes"), "--fan-out: must be on or off, got 'yes'", null));
    c.add(new Case("run --probe-layout striped", List.of("run", "--profile", "device-profiles/sim-rover.yaml", "--ticks",
        "10", "--status", "never", "--probe-layout", "striped"),
        "--probe-layout: must be independent or partitioned, got 'striped'", null));
    c.add(new Case("experiment --probe-layout striped", List.of("experiment", "--task", "reaching", "--rules", "nrl-layer",
        "--probe-layout", "striped", "--out", "unused"), "--probe-layout: must be independent or partitioned, got 'striped'", null));
    c.add(new Case("experiment --layer-fanout yes", List.of("experiment", "--task", "reaching", "--rules", "nrl-layer",
        "--layer-fanout", "yes", "--out", "unused"), "--layer-fanout: must be on or off, got 'yes'", null));
    c.add(new Case("--summary-json ''", List.of("run", "--ticks", "10", "--summary-json", ""),
        "--summary-json: must not be empty", null));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldRefuseWithExitTwoAndOneLineNamingIt(Case c) {
    CommandRun run = CommandRun.execute(c.args().toArray(String[]::new));

    assertEquals(2, run.exit(), run.err());
    List<String> lines = run.errLines();
    assertEquals(1, lines.size(), "exactly one line: " + run.err());
    assertTrue(lines.get(0).startsWith("nrl-edge: "), lines.get(0));
    assertTrue(lines.get(0).length() < 600, "a short line: " + lines.get(0).length() + " characters");
    assertTrue(lines.get(0).contains(c.names()), "'" + c.names() + "' in: " + lines.get(0));
    assertTrue(lines.get(0).contains(c.reason()), "'" + c.reason() + "' in: " + lines.get(0));
    assertFalse(run.err().contains("Exception") || run.err().contains("\tat ") || run.err().contains("Error"), run.err());
    assertTrue(run.out().isEmpty(), run.out());
    if (c.mustNotExist() != null) {
      assertFalse(Files.exists(c.mustNotExist()), "nothing written at " + c.mustNotExist());
    }
  }

  /** {@code validate} and {@code run} agree: every bad profile above gets run's line from validate too, exit 2. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("profileCases")
  void validateShouldRefuseEveryBadProfileWithTheLineRunPrints(Case c) {
    CommandRun run = CommandRun.execute(c.args().toArray(String[]::new));
    CommandRun validate = CommandRun.execute("validate", c.args().get(2));

    assertEquals(2, validate.exit(), validate.err());
    assertEquals(List.of(run.errLines().get(0).substring("nrl-edge: ".length())), validate.errLines());
    assertTrue(validate.out().isEmpty(), validate.out());
  }

  @Test
  void shouldSayPermissionDeniedForAnUnreadableProfileAndAReadOnlyFolder() throws IOException {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads and writes everything");
    Path profile = Path.of(mutate("hidden: [64]", "hidden: [32]"));
    Files.setPosixFilePermissions(profile, PosixFilePermissions.fromString("---------"));
    Path readOnly = Files.createDirectories(DIR.resolve("read-only-" + files++));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));

    CommandRun unreadable = CommandRun.execute("run", "--profile", profile.toString());
    CommandRun unwritable = CommandRun.execute("run", "--ticks", "10", "--summary-json", readOnly.resolve("s.json").toString());

    assertEquals(List.of("nrl-edge: " + profile + ": cannot read: permission denied"), unreadable.errLines());
    assertEquals(2, unwritable.exit());
    assertTrue(unwritable.err().strip().endsWith(": permission denied"), unwritable.err());
  }

  private static Case profile(String name, String file, String names) {
    return new Case("profile: " + name, List.of("run", "--profile", file, "--ticks", "10", "--status", "never"), names,
        null);
  }

  private static Case experiment(String name, List<String> options, String names) {
    Path out = DIR.resolve("experiment-" + files++);
    List<String> args = new ArrayList<>(List.of("experiment", "--task", "cartpole", "--episodes", "5"));
    args.addAll(options);
    args.addAll(List.of("--out", out.toString()));
    return new Case("experiment " + name, args, names, out);
  }

  private static Case summary(String name, Path file, String reason) {
    return new Case("run --summary-json to " + name, List.of("run", "--ticks", "10", "--status", "never",
        "--summary-json", file.toString()), "--summary-json: ", reason, Files.isDirectory(file) || file.startsWith("/dev")
        ? null : file);
  }

  private static String mutate(String from, String to) {
    return mutateFile("sim-cartpole.yaml", from, to);
  }

  private static String mutateRover(String from, String to) {
    return mutateFile("sim-rover.yaml", from, to);
  }

  private static String mutateFile(String profile, String from, String to) {
    try {
      String text = Files.readString(PROJECT.resolve("device-profiles").resolve(profile));
      assertTrue(text.contains(from), from);
      return write(text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(String text) throws IOException {
    return bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String bytes(byte[] content) {
    try {
      return Files.write(DIR.resolve("profile-" + files++ + ".yaml"), content).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fifo() throws IOException {
    Path fifo = DIR.resolve("fifo-" + files++ + ".yaml");
    try {
      Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
      assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return fifo.toString();
  }
}
