package io.nrledge.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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

  /** The board of simulated rigs and of a bridge rig on a laptop. */
  public static final String SIM_BOARD = "sim";
  /** {@link DeviceProfile.Rig#type()} of a real board's own sensors and actuators (no {@code rig:} section). */
  public static final String HARDWARE_RIG = "hardware";
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

    String boardLabel = top.choice("board", SIM_BOARD, boardLabels());
    Hardware.BoardModel board = boardModel(boardLabel);
    DeviceProfile.Rig rig;
    YamlSection rigS = null;
    if (board != null && !top.has("rig")) {
      rig = new DeviceProfile.Rig(HARDWARE_RIG, false, 0, 0);
    } else {
      rigS = top.section("rig");
      String rigType = rigS.choice("type", null, RIGS);
      if (rigType == null) {
        throw rigS.errorAt("type", "is required (one of " + String.join(", ", RIGS) + ")");
      }
      if (board != null && !rigType.equals("bridge")) {
        throw rigS.errorAt("type", "a " + board.label + " profile declares its sensors and actuators (leave rig: out) or "
            + "uses rig.type: bridge; simulated rigs run on board: sim");
      }
      boolean rover = rigType.equals("rover");
      rig = new DeviceProfile.Rig(rigType,
          rover ? false : rigS.bool("reward-events", false),
          rover ? rigS.number("bump-reward", -1.0) : 0,
          rover ? rigS.number("beacon-reward", 1.0) : 0);
      rigS.finish();
    }
    String type = rig.type();

    YamlSection loopS = top.section("loop");
    DeviceProfile.Loop loop = new DeviceProfile.Loop(
        loopS.durationNs("period", 0, false),
        loopS.string("idle", null),
        loopS.durationNs("spin", -1, true),
        loopS.choice("time", "fast", "fast", "realtime"),
        // a bridge rig and a real board have no simulated twin to rehearse on
        loopS.integer("dry-run-ticks", hasSimulatedTwin(type) ? DeviceProfile.Loop.DEFAULT_DRY_RUN_TICKS : 0, 0),
        (int) loopS.integer("rt-priority", 0, 0),
        loopS.string("cpu-set", null),
        loopS.bool("lock-memory", false));
    loopS.finish();
    if (!loopS.has("period")) {
      throw loopS.errorAt("period", "is required (e.g. 20ms)");
    }
    if (board != null && !loop.time().equals("realtime")) {
      throw loopS.errorAt("time", "a " + board.label + " board runs real devices: set realtime");
    }

    Hardware hardware = board != null && type.equals(HARDWARE_RIG) ? HardwareReader.read(top, board) : null;
    DeviceProfile.Observation observation = observation(top.section("observation"));
    DeviceProfile.Actions actions = actions(top.section("actions"));
    if (hardware != null) {
      checkChannels(top, hardware, observation, actions);
    }

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
          timeLimitTicks(s, loop.periodNs()),
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
    if (hardware == null) {
      for (String key : new String[] {"sensors", "actuators"}) {
        if (top.has(key)) {
          throw top.errorAt(key, "only on a Raspberry Pi board (board: raspberry-pi-4 or raspberry-pi-5) without a "
              + "bridge rig");
        }
      }
      if (board != null) {
        hardware = new Hardware(board, List.of(), List.of(), List.of()); // a bridge rig hosted by a Pi
      }
      if (!type.equals("bridge") && top.has("events")) {
        throw top.errorAt("events", "the " + type + " rig posts its own events; events are for a Raspberry Pi board "
            + "(gpio-edge, threshold) or a bridge rig (microcontroller)");
      }
    }
    if (!hasSimulatedTwin(type) && loop.dryRunTicks() > 0) {
      throw loopS.errorAt("dry-run-ticks", "a " + (type.equals("bridge") ? "bridge" : boardLabel) + " rig has no "
          + "simulated twin to rehearse on: leave it out or set 0");
    }
    if (type.equals("bridge")) {
      if (!top.has("bridge")) {
        throw rigS.errorAt("type", "a bridge rig needs a bridge: section (port, ...)");
      }
      if (!loop.time().equals("realtime")) {
        throw loopS.errorAt("time", "a bridge rig runs against a real device: set realtime");
      }
      bridge = bridge(top.section("bridge"), HardwareReader.bridgeEvents(top));
    } else if (top.has("bridge")) {
      throw top.errorAt("bridge", "only for rig.type: bridge");
    }
    DeviceProfile.Storage storage = top.has("storage") ? storage(top.section("storage")) : DeviceProfile.Storage.DEFAULT;
    top.finish();
    return new DeviceProfile(source, name, rig, loop, observation, actions, rewards, episodes, learner, watchdog,
        run, locations, bridge, hardware, storage);
  }

  /** The {@code storage:} section; limits documented in device-profiles/README.md. */
  private static DeviceProfile.Storage storage(YamlSection s) {
    DeviceProfile.Storage d = DeviceProfile.Storage.DEFAULT;
    DeviceProfile.Storage storage = new DeviceProfile.Storage(
        folder(s, "log-folder", d.logFolder()),
        s.bytes("log-file-size", d.logFileBytes(), 16L << 10, 1L << 30),
        s.integerIn("log-files", d.logFiles(), 1, 100),
        folder(s, "runs-folder", d.runsFolder()),
        s.bytes("run-budget", d.runBudgetBytes(), 1L << 20, 1L << 40),
        s.durationNs("sync-interval", d.syncIntervalNs(), false));
    if (storage.syncIntervalNs() < 10_000_000L || storage.syncIntervalNs() > 600_000_000_000L) {
      throw s.errorAt("sync-interval", "must be 10ms..10m");
    }
    s.finish();
    return storage;
  }

  private static String folder(YamlSection s, String key, String fallback) {
    String f = s.string(key, fallback);
    if (f.isBlank() || f.chars().anyMatch(Character::isISOControl)) {
      throw s.errorAt(key, "must be a folder path, not blank, no control characters");
    }
    return f;
  }

  /** Whether the rig can rehearse on a simulated copy of itself (a real board or a bridge cannot). */
  private static boolean hasSimulatedTwin(String rigType) {
    return !rigType.equals("bridge") && !rigType.equals(HARDWARE_RIG);
  }

  private static String[] boardLabels() {
    String[] labels = new String[Hardware.BoardModel.values().length + 1];
    labels[0] = SIM_BOARD;
    for (Hardware.BoardModel b : Hardware.BoardModel.values()) {
      labels[b.ordinal() + 1] = b.label;
    }
    return labels;
  }

  /** The board with this label, null for {@code sim}. */
  private static Hardware.BoardModel boardModel(String label) {
    for (Hardware.BoardModel b : Hardware.BoardModel.values()) {
      if (b.label.equals(label)) {
        return b;
      }
    }
    return null;
  }

  /** {@code time-limit-ticks}, or {@code time-limit} (a duration) in whole periods; not both. */
  private static int timeLimitTicks(YamlSection s, long periodNs) {
    if (!s.has("time-limit")) {
      return s.smallInteger("time-limit-ticks", 0, 0);
    }
    if (s.has("time-limit-ticks")) {
      throw s.errorAt("time-limit", "set time-limit or time-limit-ticks, not both");
    }
    long ticks = s.durationNs("time-limit", 0, false) / periodNs;
    if (ticks < 1 || ticks > Integer.MAX_VALUE) {
      throw s.errorAt("time-limit", "must be 1.." + Integer.MAX_VALUE + " loop periods, got " + ticks);
    }
    return (int) ticks;
  }

  /** The sensors fill the observation channels and each actuator takes one action channel, motors and servos in [−1, 1]. */
  private static void checkChannels(YamlSection top, Hardware hw, DeviceProfile.Observation observation,
      DeviceProfile.Actions actions) {
    YamlSection obs = top.section("observation");
    if (hw.sensorChannels() != observation.channels()) {
      StringBuilder parts = new StringBuilder();
      for (Hardware.Sensor sensor : hw.sensors()) {
        parts.append(parts.isEmpty() ? "" : ", ").append(sensor.key()).append(": ").append(sensor.channels());
      }
      throw obs.errorAt("channels", "the sensors give " + hw.sensorChannels() + " channels (" + parts + "), the profile "
          + observation.channels());
    }
    YamlSection act = top.section("actions");
    if (hw.actuators().size() != actions.channels()) {
      throw act.errorAt("table", "the actuators take " + hw.actuators().size() + " commands (one each), each row has "
          + actions.channels());
    }
    for (int c = 0; c < actions.channels(); c++) {
      Hardware.Actuator a = hw.actuators().get(c);
      boolean unit = a instanceof Hardware.PwmMotor || a instanceof Hardware.Servo;
      if (unit && (actions.min()[c] < -1 || actions.max()[c] > 1)) {
        throw act.errorAt(actions.min()[c] < -1 ? "min" : "max", "channel " + c + " (" + a.key() + ") takes commands in "
            + "[-1, 1]: set min and max within it, got [" + actions.min()[c] + ", " + actions.max()[c] + "]");
      }
    }
  }

  private static DeviceProfile.Bridge bridge(YamlSection s, List<Hardware.Microcontroller> events) {
    String port = s.string("port");
    DeviceProfile.Bridge b = new DeviceProfile.Bridge(port,
        (int) s.integer("baud", 115_200, 300),
        s.has("launch") ? s.strings("launch") : List.of(),
        s.durationNs("launch-timeout", 60_000_000_000L, false),
        s.durationNs("sample-period", 5_000_000L, false),
        s.durationNs("failsafe-timeout", 100_000_000L, false),
        s.choice("plant", "pins", "pins", "track"),
        s.durationNs("connect-timeout", 5_000_000_000L, false),
        events);
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
        s.has("fan-out") ? s.bool("fan-out", true) : null,
        s.smallInteger("reward-history-steps", 16, 1),
        s.smallInteger("probes-per-layer", 1, 1),
        s.durationNs("budget", 0, false),
        s.number("exploration", 0.0),
        s.smallInteger("exploration-hold", 1, 1),
        s.number("critic-rate", 0.0),
        s.number("critic-discount", 0.99),
        s.number("weight-decay", 0.0),
        s.smallInteger("weight-decay-after", 0, 0),
        s.choice("probe-layout", "independent", "independent", "partitioned").equals("partitioned"));
    if (s.has("budget") && s.has("probes-per-layer")) {
      throw s.errorAt("budget", "give either budget (the probes are chosen to fit it) or probes-per-layer, not both");
    }
    s.finish();
    return l;
  }
}
