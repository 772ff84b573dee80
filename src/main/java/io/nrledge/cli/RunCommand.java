package io.nrledge.cli;

import io.nrledge.experiment.ResultFiles;
import io.nrledge.io.Board;
import io.nrledge.io.IoStatus;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.profiles.DeviceProfile;
import io.nrledge.profiles.ProfileException;
import io.nrledge.profiles.ProfileLoader;
import io.nrledge.runtime.ControlLoop;
import io.nrledge.runtime.Mode;
import io.nrledge.runtime.RealtimeScheduling;
import io.nrledge.runtime.StopReason;
import io.nrledge.telemetry.RunFolderLock;
import io.nrledge.telemetry.RunLog;
import io.nrledge.telemetry.RunSummary;
import io.nrledge.telemetry.Supervisor;
import io.nrledge.telemetry.TelemetryWriter;
import java.io.IOException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: loads a device profile (the embedded simulated CartPole by default), runs the
 * control loop on its own thread until solved, a budget or a latched fault, with a supervisor
 * thread drawing a status line on a terminal, then prints the summary. SIGINT and SIGTERM stop
 * the loop at a tick boundary and the run ends like any other; a second signal exits at once
 * after one more safe write. Exit 0 when the run completed (solved, budget spent or stopped by a
 * signal, see {@code solved} and {@code safe_stop} in the summary), 1 on a latched fault, a crash
 * or actuators that did not confirm their safe values, 2 on bad options or profile.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {"Run the control loop on a device profile, learning online, then print a summary.",
        "Without --profile: a simulated CartPole rig bundled in the jar, in fast mode, until solved."},
    footer = {"",
        "SIGINT (Ctrl-C) or SIGTERM stops the loop at the next tick: the actuators",
        "are driven safe, the summary and --summary-json are written (stop_reason",
        "\"signal\", safe_stop) and the exit code is 0. A second signal during that",
        "stop writes the safe values again and exits at once (130 or 143).",
        "With --state-dir DIR the whole learning state is checkpointed to DIR every",
        "--checkpoint-every (a duration of wall time such as 30s or 5m, or a number of",
        "episodes such as 100ep; continuing tasks: a duration) and on every clean stop,",
        "SIGTERM included; a power cut loses at most one interval. A run started on a",
        "DIR that holds checkpoints resumes from the newest valid one; --ticks and",
        "--episodes then count the resumed run's totals, --duration this process only.",
        "--mode eval --state-dir DIR runs the newest checkpoint's policy without",
        "learning and writes nothing. See 'inspect' for a checkpoint's contents.",
        "Exit codes: 0 the run ended as asked and the actuators confirmed their safe",
        "values; 1 a fault latched, the loop crashed or the actuators did not confirm",
        "their safe values; 2 bad options or profile."})
final class RunCommand implements Callable<Integer> {
  private static final long STATUS_INTERVAL_MS = 500;
  private static final long STOP_GRACE_NS = 1_000_000_000L;
  private static final long JOIN_POLL_MS = 20;
  static final String SUMMARY_JSON = "summary.json";

  @Spec CommandSpec spec;

  @Option(names = "--profile", paramLabel = "FILE", description = "Device profile (YAML, a regular UTF-8 file up to 1 MiB; limits in"
      + " device-profiles/README.md); default: the embedded sim-cartpole.")
  Path profileFile;

  @Option(names = "--ticks", paramLabel = "N", description = "Stop after N ticks (N >= 1).")
  Long ticks;

  @Option(names = "--episodes", paramLabel = "N", description = "Stop after N episodes (N >= 1).")
  Long episodes;

  @Option(names = "--duration", paramLabel = "D", description = "Stop after D (> 0) of wall-clock time (e.g. 30s, 5m).")
  String duration;

  @ArgGroup(exclusive = true)
  TimeMode timeMode;

  static final class TimeMode {
    @Option(names = "--realtime", description = "Pace the loop by the wall clock.")
    boolean realtime;

    @Option(names = "--fast", description = "Virtual clock, as fast as the CPU allows.")
    boolean fast;
  }

  @Option(names = "--mode", paramLabel = "MODE", description = "train (learn), eval (the learner's clean policy, no"
      + " learning), random (uniformly random actions, no learning: the baseline, and a safe way to check wiring) or"
      + " reference (the rig's hand-written controller, the rover only: the ceiling).")
  String mode;

  @Option(names = "--seed", paramLabel = "N", description = "Run seed (learner and plant).")
  Long seed;

  @Option(names = "--mock", description = "Run a real-board profile (raspberry-pi-4/5) on Pi4J's mock platform: no"
      + " hardware is touched, a stand-in world answers the I2C/SPI chips; for a dry run on a laptop.")
  boolean mock;

  @ArgGroup(exclusive = false)
  LearnerOptions learnerOptions = new LearnerOptions();

  @Option(names = "--summary-json", paramLabel = "FILE",
      description = "Also write the summary as JSON to this regular file; checked before the run starts.")
  Path summaryJson;

  @Option(names = "--run-dir", paramLabel = "DIR", description = "Folder for this run's telemetry*.mcap, episodes.csv"
      + " and summary.json (created if missing); default: a new <profile>-<UTC time> folder under the profile's"
      + " storage.runs-folder. Turn it into plots with 'report DIR'.")
  Path runDir;

  @Option(names = "--status", paramLabel = "WHEN", defaultValue = "auto",
      description = "Live status line: auto (on a terminal), always or never.")
  String status;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Checkpoint the learning state to DIR and resume"
      + " from its newest valid checkpoint (train); eval: run that checkpoint's policy.")
  Path stateDir;

  @Option(names = "--checkpoint-every", paramLabel = "WHEN", defaultValue = CheckpointInterval.DEFAULT,
      description = "With --state-dir: a duration (30s, 5m) or a number of episodes (100ep); default ${DEFAULT-VALUE}.")
  String checkpointEvery;

  @Option(names = "--keep-checkpoints", paramLabel = "K", defaultValue = "3",
      description = "With --state-dir: keep the newest K checkpoints (K >= 1); default ${DEFAULT-VALUE}.")
  int keepCheckpoints;

  @Option(names = "--allow-profile-change", description = "With --state-dir: load a checkpoint saved by a profile"
      + " whose learner, observation or actions differ (the state sizes must still match).")
  boolean allowProfileChange;

  @Override
  public Integer call() throws Exception {
    OutputPaths.checkWritableFile("--summary-json", summaryJson);
    LoopAssembly.Overrides overrides = overrides();
    boolean statusLine = switch (status) {
      case "auto" -> System.console() != null;
      case "always" -> true;
      case "never" -> false;
      default -> throw new UsageException("--status: must be auto, always or never, got '" + status + "'");
    };
    DeviceProfile profile;
    LoopAssembly a;
    try {
      profile = learnerOptions.applyTo(
          profileFile == null ? ProfileLoader.loadEmbeddedDefault() : ProfileLoader.load(profileFile));
      LogSetup.configure(profile); // before anything logs, Pi4J included
      profile = fitProbesToBudget(profile);
      a = new LoopAssembly(profile, overrides, mock);
    } catch (ProfileException e) {
      throw new UsageException(e.getMessage());
    }
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Consumer<String> messages = line -> {
      err.println("nrl-edge: " + line);
      RunLog.info(line);
    };
    RunCheckpoints checkpoints = openCheckpoints(a, messages);
    TelemetryWriter.Settings files = runFolder(a);
    Path folder = files.runDir();
    RunFolderLock folderLock = lockRunFolder(a, folder);
    try {
      return runAndReport(a, profile, overrides, err, statusLine, messages, checkpoints, files);
    } finally {
      folderLock.close();
    }
  }

  /**
   * Runs the loop, finishes the checkpoints, prints the summary and writes it into the run folder
   * (and {@code --summary-json}); the exit code.
   */
  private Integer runAndReport(LoopAssembly a, DeviceProfile profile, LoopAssembly.Overrides overrides, PrintStream err,
      boolean statusLine, Consumer<String> messages, RunCheckpoints checkpoints, TelemetryWriter.Settings files)
      throws Exception {
    Path folder = files.runDir();
    RunOutcome outcome = runLoop(a, profile, overrides, err, statusLine, files);
    if (checkpoints != null) {
      boolean cleanStop = outcome.crash() == null && outcome.reason() != StopReason.LATCHED_FAULT
          && a.learner.weightsFinite();
      checkpoints.finish(cleanStop, messages);
    }
    DryRun dryRun = outcome.dryRun();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("profile", a.profile.name());
    run.put("platform", a.platform);
    run.put("mode", a.settings.mode().label());
    run.put("time", a.fast ? "fast" : "realtime");
    run.put("strategy", a.idle.name());
    run.put("seed", seed != null ? seed : a.profile.run().seed());
    run.put("rule", a.profile.learner().rule());
    run.put("learning_rate", a.profile.learner().learningRate());
    run.put("sigma", a.profile.learner().sigma());
    if (a.profile.learner().rule().startsWith("nrl")) {
      run.put("fan_out", a.profile.learner().fanOutOn());
    }
    if (a.profile.learner().rule().equals("nrl-layer")) {
      run.put("probes_per_layer", a.profile.learner().probesPerLayer());
      run.put("probe_layout", a.profile.learner().partitionedProbes() ? "partitioned" : "independent");
    }
    if (a.profile.learner().budgetNs() > 0) {
      run.put("budget_us", a.profile.learner().budgetNs() / 1e3);
    }
    if (a.profile.learner().exploration() > 0) {
      run.put("exploration", a.profile.learner().exploration());
    }
    if (a.profile.learner().explorationHold() != 1) {
      run.put("exploration_hold", a.profile.learner().explorationHold());
    }
    if (a.profile.learner().criticRate() > 0) {
      run.put("critic_rate", a.profile.learner().criticRate());
      run.put("critic_discount", a.profile.learner().criticDiscount());
    }
    if (a.profile.learner().weightDecay() > 0) {
      run.put("weight_decay", a.profile.learner().weightDecay());
      run.put("weight_decay_after", a.profile.learner().weightDecayAfter());
    }
    run.put("period_us", a.settings.periodNs() / 1e3);
    run.put("dry_run_ticks", dryRun.ticks());
    run.put("dry_run_ms", dryRun.millis());
    RunSummary summary = new RunSummary(a.telemetry, a.events.drops(), run, outcome.reasonName(),
        a.settings.solvedAverage(), outcome.wallSeconds());
    summary.putEventsBySource(a.eventCounts.counts(), a.settings.periodNs());
    summary.put("safe_stop", outcome.safeStop());
    summary.put("actuators_at_exit", outcome.stopReport().appliedAtExit());
    summary.put("process_alloc_bytes_per_s", outcome.processAllocBytesPerSecond());
    if (outcome.realtime() != null) {
      outcome.realtime().summaryFields().forEach(summary::put);
    }
    if (a.bridge != null) {
      summary.put("bridge", a.bridge.link().counters().toMap());
    }
    if (checkpoints != null) {
      checkpoints.summaryFields().forEach(summary::put);
    }
    summary.put("run_dir", folder.toString());
    summary.put("telemetry_messages", outcome.telemetryMessages());
    summary.put("telemetry_records_dropped", a.recorder.dropped());
    summary.put("telemetry_error", outcome.telemetryError());
    spec.commandLine().getOut().print(summary.toText());
    spec.commandLine().getOut().flush();
    for (String problem : outcome.stopReport().problems()) {
      err.println("nrl-edge: on stop: " + problem);
    }
    if (outcome.telemetryError() != null) {
      err.println("nrl-edge: telemetry: " + outcome.telemetryError() + " (the run itself went on)");
    }
    ResultFiles.replaceAtomically(folder.resolve(SUMMARY_JSON), summary.toJson());
    if (summaryJson != null) {
      ResultFiles.replaceAtomically(summaryJson, summary.toJson());
    }
    RunLog.info("run ended: " + outcome.reasonName() + " after " + summary.get("ticks") + " ticks, "
        + summary.get("episodes") + " episodes, " + summary.get("faults") + " faults; summary in "
        + folder.resolve(SUMMARY_JSON));
    if (outcome.crash() != null) {
      err.println("nrl-edge: control loop crashed: " + outcome.crash());
      return Main.EXIT_RUNTIME_FAILURE;
    }
    if (outcome.reason() == StopReason.LATCHED_FAULT) {
      err.println("nrl-edge: stopped on a fault that cannot recover on its own; see faults in the summary");
      return Main.EXIT_RUNTIME_FAILURE;
    }
    if (!outcome.safeStop()) {
      err.println("nrl-edge: the actuators did not confirm their safe values on stop; check the rig");
      return Main.EXIT_RUNTIME_FAILURE;
    }
    return Main.EXIT_OK;
  }

  /** The run folder, held for this run until its last file is written (see {@link RunFolderLock}). */
  private static RunFolderLock lockRunFolder(LoopAssembly a, Path folder) {
    try {
      return RunFolderLock.acquire(folder);
    } catch (IOException e) {
      a.close();
      throw new UsageException("cannot use the run folder: " + e.getMessage());
    }
  }

  /** The checkpoints of {@code --state-dir}, or null without it; a refusal stops what the assembly launched. */
  private RunCheckpoints openCheckpoints(LoopAssembly a, Consumer<String> messages) {
    if (stateDir == null) {
      for (String option : new String[] {"--checkpoint-every", "--keep-checkpoints", "--allow-profile-change"}) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          a.close();
          throw new UsageException(option + ": only with --state-dir");
        }
      }
      return null;
    }
    try {
      return RunCheckpoints.open(stateDir, a, CheckpointInterval.parse(checkpointEvery), keepCheckpoints,
          allowProfileChange, messages);
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
  }

  /**
   * The profile with its {@code nrl-layer} probes chosen to fit {@code learner.budget} (or
   * {@code --budget}) on this machine, timed on scratch learners before anything starts; unchanged
   * without a budget. A budget that not even one probe fits is a configuration error naming its key.
   */
  private DeviceProfile fitProbesToBudget(DeviceProfile profile) {
    DeviceProfile.LearnerSettings l = profile.learner();
    if (l.budgetNs() <= 0) {
      return profile;
    }
    // the rule and the rest are checked before timing anything
    LearnerConfig config = ProfileSettings.learner(profile, 0);
    ProbeBudget.Choice choice = ProbeBudget.choose(l.budgetNs(), config.mostUsefulProbesPerLayer(),
        new LearnerTickTimer(profile));
    if (!choice.fits()) {
      String message = String.format(Locale.ROOT, "one probe per layer takes %.1f us per tick on this machine,"
          + " more than the budget of %.1f us", choice.nsPerTick() / 1e3, l.budgetNs() / 1e3);
      if (learnerOptions.budgetGiven()) {
        throw new UsageException("--budget: " + message);
      }
      throw profile.error("learner.budget", message);
    }
    return profile.withLearner(l.withProbes(choice.probesPerLayer(), l.budgetNs()));
  }

  /**
   * Starts the board, runs the loop on its own thread with the supervisor beside it and SIGINT /
   * SIGTERM turned into an orderly stop, and stops the board whatever happened.
   */
  private RunOutcome runLoop(LoopAssembly a, DeviceProfile profile, LoopAssembly.Overrides overrides, PrintStream err,
      boolean statusLine, TelemetryWriter.Settings files) throws InterruptedException {
    ControlThread control = new ControlThread(a.loop, a.realtime, err);
    long startNs = 0;
    DryRun dryRun = DryRun.NONE;
    Board.StopReport stopReport;
    double allocRate;
    String telemetryError;
    TelemetryWriter writer = null;
    Supervisor supervisor = new Supervisor(a.telemetry, a.events::drops, err, statusLine, STATUS_INTERVAL_MS,
        a.settings.warmupTicks());
    AtomicReference<ControlLoop> dryRunning = new AtomicReference<>();
    try (StopSignals signals = StopSignals.install(new SignalActions(a, control, dryRunning, err))) {
      List<String> ignored = signals.ignoredSignals();
      for (String name : ignored) {
        String other = "INT".equals(name) ? "TERM" : "INT";
        err.println("nrl-edge: warning: SIG" + name + " is ignored by this process (started as a background job?), so it"
            + " cannot stop this run" + (ignored.contains(other) ? "" : "; SIG" + other + " can"));
      }
      // the first log call starts tinylog (a few hundred ms on a loaded Pi): only once signals are handled
      RunLog.info("run started: profile " + a.profile.name() + " (" + a.profile.source() + "), mode "
          + a.settings.mode().label() + ", " + (a.fast ? "fast" : "realtime") + ", run folder "
          + files.runDir());
      writer = openWriter(a, files);
      // a signal during the dry run ends it and stops the real loop before its first tick
      if (statusLine && !a.fast && profile.loop().dryRunTicks() > 0) {
        err.println("nrl-edge: dry run: " + profile.loop().dryRunTicks() + " ticks on a simulated twin before the first"
            + " real tick");
      }
      dryRun = a.fast ? DryRun.NONE : DryRun.run(profile, overrides, dryRunning);
      startNs = System.nanoTime();
      a.startBoard();
      supervisor.start();
      writer.start();
      control.start();
      awaitControl(control, signals, a, err);
    } finally {
      supervisor.close();
      stopReport = a.board.stop();
      a.close(); // the firmware simulator a bridge profile launched
      allocRate = supervisor.processAllocBytesPerSecond();
      telemetryError = writer == null ? null : closeWriter(writer);
      control.finished.countDown();
    }
    double wallSeconds = (System.nanoTime() - startNs) / 1e9;
    boolean safeStop = !control.isAlive() && a.loop.safeAtExit() && stopReport.safe();
    return new RunOutcome(control.reason, control.crash, safeStop, stopReport, wallSeconds, allocRate,
        control.realtimeApplied, dryRun, telemetryError, writer.messages());
  }

  /** Creates the run folder and says how to write into it, with the run's facts as MCAP metadata. */
  private TelemetryWriter.Settings runFolder(LoopAssembly a) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("profile", a.profile.name());
    meta.put("profile_source", a.profile.source());
    meta.put("mode", a.settings.mode().label());
    meta.put("time", a.fast ? "fast" : "realtime");
    meta.put("period_ns", Long.toString(a.settings.periodNs()));
    meta.put("seed", Long.toString(seed != null ? seed : a.profile.run().seed()));
    meta.put("reward_form", a.profile.rewards().form());
    meta.put("average_window", Integer.toString(a.profile.episodes().averageWindow()));
    meta.put("observation_channels", Integer.toString(a.profile.observation().channels()));
    meta.put("started_utc", java.time.Instant.now().toString());
    return RunFolder.create(a.profile, runDir, meta, String.join(",", a.telemetry.faultNames()),
        String.join(",", a.telemetry.phaseNames()));
  }

  /** The writer's first files; created once stop signals are handled (opening them takes a while). */
  private static TelemetryWriter openWriter(LoopAssembly a, TelemetryWriter.Settings settings) {
    try {
      return new TelemetryWriter(a.recorder, settings);
    } catch (IOException e) {
      throw new UsageException("cannot write telemetry in " + settings.runDir() + ": " + e.getMessage());
    }
  }

  /** Ends the telemetry files; the error that stopped the writer, or null. */
  private static String closeWriter(TelemetryWriter writer) {
    try {
      writer.close();
      return null;
    } catch (IOException | RuntimeException e) {
      RunLog.warn("telemetry: " + e.getMessage());
      return e.getMessage();
    }
  }

  /**
   * Joins the control thread. After a stop signal it gets one second plus one period to finish its
   * tick; a thread stuck in a device call past that is left behind (the process exits without it)
   * and the actuators are driven safe from here.
   */
  private static void awaitControl(ControlThread control, StopSignals signals, LoopAssembly a, PrintStream err)
      throws InterruptedException {
    long graceNs = STOP_GRACE_NS + a.settings.periodNs();
    long signalNs = 0;
    while (control.isAlive()) {
      control.join(JOIN_POLL_MS);
      if (signals.received() && signalNs == 0) {
        signalNs = System.nanoTime();
      } else if (signalNs != 0 && control.isAlive() && System.nanoTime() - signalNs > graceNs) {
        err.println("nrl-edge: the control thread did not stop within " + graceNs / 1_000_000
            + " ms of the signal; driving the actuators safe from outside it");
        control.crash = new IllegalStateException("control thread stuck after a stop signal");
        return;
      }
    }
  }

  /** The control thread: runs the loop and keeps how it ended. */
  private static final class ControlThread extends Thread {
    final CountDownLatch finished = new CountDownLatch(1);
    private final ControlLoop loop;
    private final RealtimeScheduling.Request realtime;
    private final PrintStream err;
    volatile RealtimeScheduling.Result realtimeApplied;
    volatile StopReason reason;
    volatile Throwable crash;

    ControlThread(ControlLoop loop, RealtimeScheduling.Request realtime, PrintStream err) {
      super("nrl-control");
      this.loop = loop;
      this.realtime = realtime;
      this.err = err;
    }

    /** Applies the real-time settings to this thread alone (one warning line per refusal), then runs the loop. */
    @Override
    public void run() {
      try {
        if (!realtime.isEmpty()) {
          RealtimeScheduling.Result applied = RealtimeScheduling.applyToCurrentThread(realtime);
          applied.warnings().forEach(w -> err.println("nrl-edge: warning: " + w + "; running without it"));
          realtimeApplied = applied;
        }
        reason = loop.run();
      } catch (Throwable t) {
        crash = t;
      }
    }
  }

  /** What the stop signals do during a run. */
  private record SignalActions(LoopAssembly a, ControlThread control, AtomicReference<ControlLoop> dryRunning,
      PrintStream err) implements StopSignals.Actions {
    @Override
    public void stop(String signal) {
      a.loop.requestStop(StopReason.SIGNAL);
      ControlLoop twin = dryRunning.get();
      if (twin != null) {
        twin.requestStop(StopReason.SIGNAL);
      }
    }

    @Override
    public void emergency(String signal) {
      IoStatus status;
      try {
        status = a.board.actuators().writeSafe();
      } catch (RuntimeException e) {
        status = IoStatus.FAILED;
      }
      err.println("nrl-edge: second SIG" + signal + ": exiting now; actuators "
          + (status == IoStatus.OK ? "driven safe" : "did NOT confirm their safe values"));
    }

    @Override
    public void awaitStopped() {
      try {
        control.finished.await(STOP_GRACE_NS * 2, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** How the run ended. */
  private record RunOutcome(StopReason reason, Throwable crash, boolean safeStop, Board.StopReport stopReport,
      double wallSeconds, double processAllocBytesPerSecond, RealtimeScheduling.Result realtime, DryRun dryRun,
      String telemetryError, long telemetryMessages) {
    String reasonName() {
      return crash != null ? "crashed" : reason.name().toLowerCase(Locale.ROOT);
    }
  }

  private LoopAssembly.Overrides overrides() {
    if (ticks != null && ticks < 1) {
      throw new UsageException("--ticks: must be >= 1, got " + ticks);
    }
    if (episodes != null && episodes < 1) {
      throw new UsageException("--episodes: must be >= 1, got " + episodes);
    }
    Long durationNs = duration == null ? null : DurationOption.positiveNs("--duration", duration);
    Mode m = null;
    if (mode != null) {
      try {
        m = Mode.of(mode);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--mode: " + e.getMessage());
      }
    }
    String time = timeMode == null ? null : timeMode.realtime ? "realtime" : "fast";
    return new LoopAssembly.Overrides(seed, m, time, ticks, episodes, durationNs);
  }
}
