package io.nrledge.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a device profile (YAML) into a validated {@link DeviceProfile}. Every problem is one
 * {@link ProfileException} line, {@code FILE:LINE:COL: key: message}; unknown keys are errors.
 * The file is read bounded ({@link ProfileText}) and parsed within limits ({@link YamlDocument});
 * this class checks types and the limits only a profile has. Limits owned by the learner and the
 * loop are checked by their owners, and reported at these keys by the caller (the cli's
 * {@code ProfileSettings}); this class must not repeat them. The format and every limit, key by
 * key, are documented in {@code device-profiles/README.md}.
 */
public final class ProfileLoader {
  /** The profile bundled in the jar, used by {@code run} without {@code --profile}. */
  public static final String EMBEDDED_DEFAULT = "profiles/sim-cartpole.yaml";

  private static final String[] RIGS = {"cartpole", "acrobot", "reaching", "rover", "bridge"};
  /** Most sensor channels, actuator channels and actions a profile may declare. */
  static final int MAX_CHANNELS = 1024;

  private ProfileLoader() {}

  public static DeviceProfile load(Path file) {
    return parse(file.toString(), ProfileText.read(file));
  }

  /** The embedded default, named {@code classpath:profiles/sim-cartpole.yaml} in errors. */
  public static DeviceProfile loadEmbeddedDefault() {
    try (InputStream in = ProfileLoader.class.getClassLoader().getResourceAsStream(EMBEDDED_DEFAULT)) {
      if (in == null) {
        throw new ProfileException("classpath:" + EMBEDDED_DEFAULT + ": missing from the jar");
      }
      String source = "classpath:" + EMBEDDED_DEFAULT;
      return parse(source, ProfileText.decode(source, in.readNBytes(ProfileText.MAX_BYTES)));
    } catch (IOException e) {
      throw new ProfileException("classpath:" + EMBEDDED_DEFAULT + ": cannot read: " + e.getMessage());
    }
  }

  /** Parses {@code text}; {@code source} names it in errors. */
  public static DeviceProfile parse(String source, String text) {
    Node root = YamlDocument.compose(source, text);
    Map<String, String> locations = new HashMap<>();
    YamlSection top = new YamlSection(source, "", root, locations);
    String name = top.string("name");
    if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
      throw top.errorAt("name", "must be 1..200 characters, not blank, no control characters");
    }

    YamlSection rigS = top.section("rig");
    String type = rigS.choice("type", null, RIGS);
    if (type == null) {
      throw rigS.errorAt("type", "is required (one of " + String.join(", ", RIGS) + ")");
    }
    boolean rover = type.equals("rover");
    DeviceProfile.Rig rig = new DeviceProfile.Rig(type,
        rover ? false : rigS.bool("reward-events", false),
        rover ? rigS.number("bump-reward", -1.0) : 0,
        rover ? rigS.number("beacon-reward", 1.0) : 0);
    rigS.finish();

    YamlSection loopS = top.section("loop");
    DeviceProfile.Loop loop = new DeviceProfile.Loop(
        loopS.durationNs("period", 0, false),
        loopS.string("idle", null),
        loopS.durationNs("spin", -1, true),
        loopS.choice("time", "fast", "fast", "realtime"),
        // a bridge rig has no simulated twin to rehearse on
        loopS.integer("dry-run-ticks", type.equals("bridge") ? 0 : DeviceProfile.Loop.DEFAULT_DRY_RUN_TICKS, 0),
        (int) loopS.integer("rt-priority", 0, 0),
        loopS.string("cpu-set", null),
        loopS.bool("lock-memory", false));
    loopS.finish();
    if (!loopS.has("period")) {
      throw loopS.errorAt("period", "is required (e.g. 20ms)");
    }

    DeviceProfile.Observation observation = observation(top.section("observation"));
    DeviceProfile.Actions actions = actions(top.section("actions"));

    YamlSection rewardS = top.section("reward");
    DeviceProfile.Rewards rewards = new DeviceProfile.Rewards(
        rewardS.choice("form", null, "episodic", "immediate", "continuing"),
        rewardS.number("per-tick", Double.NaN),
        rewardS.number("terminal", 0));
    if (rewards.form() == null) {
      throw rewardS.errorAt("form", "is required (episodic, immediate or continuing)");
    }
    rewardS.finish();

    DeviceProfile.Episodes episodes = new DeviceProfile.Episodes(0, Double.NaN, 100);
    if (top.has("episodes")) {
      YamlSection s = top.section("episodes");
      episodes = new DeviceProfile.Episodes(
          s.smallInteger("time-limit-ticks", 0, 0),
          s.number("solved-average", Double.NaN),
          s.smallInteger("average-window", 100, 1));
      s.finish();
    }
    if (rewards.form().equals("continuing") && !Double.isNaN(episodes.solvedAverage())) {
      throw top.errorAt("episodes", "a continuing task has no episode returns to average");
    }

    DeviceProfile.LearnerSettings learner = learner(top.section("learner"), rewards.form());
    DeviceProfile.WatchdogLimits watchdog = new DeviceProfile.WatchdogLimits(5, 50);
    if (top.has("watchdog")) {
      YamlSection s = top.section("watchdog");
      watchdog = new DeviceProfile.WatchdogLimits(
          s.smallInteger("max-consecutive-overruns", 5, 1),
          s.smallInteger("recover-after-ticks", 50, 0));
      s.finish();
    }
    DeviceProfile.Run run = new DeviceProfile.Run(1, "train", 0, 0, 0, 50_000);
    if (top.has("run")) {
      YamlSection s = top.section("run");
      run = new DeviceProfile.Run(
          s.integer("seed", 1, Long.MIN_VALUE),
          s.choice("mode", "train", "train", "eval"),
          s.integer("max-ticks", 0, 1),
          s.integer("max-episodes", 0, 1),
          s.durationNs("max-duration", 0, false),
          s.integer("warmup-ticks", 50_000, 0));
      s.finish();
    }
    DeviceProfile.Bridge bridge = null;
    if (type.equals("bridge")) {
      if (!top.has("bridge")) {
        throw rigS.errorAt("type", "a bridge rig needs a bridge: section (port, ...)");
      }
      if (!loop.time().equals("realtime")) {
        throw loopS.errorAt("time", "a bridge rig runs against a real device: set realtime");
      }
      if (loop.dryRunTicks() > 0) {
        throw loopS.errorAt("dry-run-ticks", "a bridge rig has no simulated twin to rehearse on: leave it out or set 0");
      }
      bridge = bridge(top.section("bridge"));
    } else if (top.has("bridge")) {
      throw top.errorAt("bridge", "only for rig.type: bridge");
    }
    top.finish();
    return new DeviceProfile(source, name, rig, loop, observation, actions, rewards, episodes, learner, watchdog,
        run, locations, bridge, null, DeviceProfile.Storage.DEFAULT);
  }

  private static DeviceProfile.Bridge bridge(YamlSection s) {
    String port = s.string("port");
    DeviceProfile.Bridge b = new DeviceProfile.Bridge(port,
        (int) s.integer("baud", 115_200, 300),
        s.has("launch") ? s.strings("launch") : java.util.List.of(),
        s.durationNs("launch-timeout", 60_000_000_000L, false),
        s.durationNs("sample-period", 5_000_000L, false),
        s.durationNs("failsafe-timeout", 100_000_000L, false),
        s.choice("plant", "pins", "pins", "track"),
        s.durationNs("connect-timeout", 5_000_000_000L, false));
    if (b.samplePeriodNs() < 1_000_000L || b.samplePeriodNs() > 1_000_000_000L) {
      throw s.errorAt("sample-period", "must be 1ms..1s");
    }
    if (b.failsafeTimeoutNs() < 10_000_000L || b.failsafeTimeoutNs() > 60_000_000_000L) {
      throw s.errorAt("failsafe-timeout", "must be 10ms..60s");
    }
    if (s.has("launch") && b.launch().isEmpty()) {
      throw s.errorAt("launch", "needs a command (or leave it out for a real board)");
    }
    s.finish();
    return b;
  }

  private static DeviceProfile.Observation observation(YamlSection s) {
    int channels = s.smallInteger("channels", 0, 1);
    if (channels > MAX_CHANNELS) {
      throw s.errorAt("channels", "must be 1.." + MAX_CHANNELS + ", got " + channels);
    }
    if (!s.has("channels")) {
      throw s.errorAt("channels", "is required");
    }
    double[] offset = finite(s, "offset", perChannel(s, "offset", channels, 0));
    double[] scale = finite(s, "scale", perChannel(s, "scale", channels, 1));
    double[] min = perChannel(s, "min", channels, Double.NEGATIVE_INFINITY);
    double[] max = perChannel(s, "max", channels, Double.POSITIVE_INFINITY);
    for (int i = 0; i < channels; i++) {
      if (!(min[i] < max[i])) {
        throw s.errorAt("min", "channel " + i + ": min " + min[i] + " must be below max " + max[i]);
      }
    }
    s.finish();
    return new DeviceProfile.Observation(offset, scale, min, max);
  }

  private static DeviceProfile.Actions actions(YamlSection s) {
    double[][] table = s.numberRows("table");
    if (table.length < 2 || table.length > MAX_CHANNELS) {
      throw s.errorAt("table", "needs 2.." + MAX_CHANNELS + " actions (one row each), got " + table.length);
    }
    int channels = table[0].length;
    for (int a = 0; a < table.length; a++) {
      if (table[a].length != channels || channels == 0) {
        throw s.errorAt("table", "every row needs the same number of commands (row 0 has " + channels
            + ", row " + a + " has " + table[a].length + ")");
      }
      for (double command : table[a]) {
        if (!Double.isFinite(command)) {
          throw s.errorAt("table", "row " + a + ": commands must be finite numbers, got " + command);
        }
      }
    }
    double[] min = perChannel(s, "min", channels, Double.NEGATIVE_INFINITY);
    double[] max = perChannel(s, "max", channels, Double.POSITIVE_INFINITY);
    double[] slew = perChannel(s, "slew-per-tick", channels, Double.POSITIVE_INFINITY);
    double[] safe = perChannel(s, "safe", channels, 0);
    for (int c = 0; c < channels; c++) {
      if (!(min[c] <= max[c])) {
        throw s.errorAt("min", "channel " + c + ": min " + min[c] + " must not exceed max " + max[c]);
      }
      if (!(slew[c] > 0)) {
        throw s.errorAt("slew-per-tick", "channel " + c + ": must be > 0 (use .inf for no limit)");
      }
      if (!Double.isFinite(safe[c]) || safe[c] < min[c] || safe[c] > max[c]) {
        throw s.errorAt("safe", "channel " + c + ": " + safe[c] + " must be finite and within [min, max]");
      }
    }
    s.finish();
    return new DeviceProfile.Actions(table, min, max, slew, safe);
  }

  private static double[] finite(YamlSection s, String key, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw s.errorAt(key, "channel " + i + ": must be a finite number, got " + values[i]);
      }
    }
    return values;
  }

  private static double[] perChannel(YamlSection s, String key, int channels, double fallback) {
    double[] v = new double[channels];
    java.util.Arrays.fill(v, fallback);
    if (s.has(key)) {
      double[] given = s.numbers(key);
      if (given.length != channels) {
        throw s.errorAt(key, "needs " + channels + " entries (one per channel), got " + given.length);
      }
      v = given;
    }
    return v;
  }

  private static DeviceProfile.LearnerSettings learner(YamlSection s, String form) {
    double[] hiddenD = s.has("hidden") ? s.numbers("hidden") : new double[] {64};
    if (hiddenD.length == 0) {
      throw s.errorAt("hidden", "needs at least one layer width (omit the key for the default [64])");
    }
    int[] hidden = new int[hiddenD.length];
    for (int i = 0; i < hidden.length; i++) {
      if (hiddenD[i] != Math.rint(hiddenD[i]) || hiddenD[i] < 1 || hiddenD[i] > Integer.MAX_VALUE) {
        throw s.errorAt("hidden", "layer widths must be whole numbers >= 1, got " + hiddenD[i]);
      }
      hidden[i] = (int) hiddenD[i];
    }
    // Ranges of the learner's numbers belong to LearnerConfig.validate(), reported at these keys by the cli.
    DeviceProfile.LearnerSettings l = new DeviceProfile.LearnerSettings(hidden,
        s.choice("rule", "nrl", "nrl", "nrl-layer", "rmhl", "rmhl-implicit", "bp"),
        s.number("learning-rate", 1e-2),
        s.number("sigma", 1e-3),
        s.number("baseline-rate", 0.66),
        s.number("trace-decay", form.equals("continuing") ? 0.9 : 1.0),
        s.bool("biases", false),
        s.bool("fan-out", true),
        s.smallInteger("reward-history-steps", 16, 1),
        s.smallInteger("probes-per-layer", 1, 1),
        s.durationNs("budget", 0, false));
    if (s.has("budget") && s.has("probes-per-layer")) {
      throw s.errorAt("budget", "give either budget (the probes are chosen to fit it) or probes-per-layer, not both");
    }
    s.finish();
    return l;
  }
}
