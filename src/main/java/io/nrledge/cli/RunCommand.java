package io.nrledge.cli;

import io.nrledge.profiles.DeviceProfile;
import io.nrledge.profiles.Durations;
import io.nrledge.profiles.ProfileException;
import io.nrledge.profiles.ProfileLoader;
import io.nrledge.runtime.Mode;
import io.nrledge.runtime.StopReason;
import io.nrledge.telemetry.RunSummary;
import io.nrledge.telemetry.Supervisor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: loads a device profile (the embedded simulated CartPole by default), runs the
 * control loop on its own thread until solved, a budget or a latched fault, with a supervisor
 * thread drawing a status line on a terminal, then prints the summary. Exit 0 when the run
 * completed (solved or budget spent, see {@code solved} in the summary), 1 on a latched fault or
 * a crash, 2 on bad options or profile.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {"Run the control loop on a device profile, learning online, then print a summary.",
        "Without --profile: a simulated CartPole rig bundled in the jar, in fast mode, until solved."})
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--profile", paramLabel = "FILE", description = "Device profile (YAML); default: the embedded sim-cartpole.")
  Path profileFile;

  @Option(names = "--ticks", paramLabel = "N", description = "Stop after N ticks.")
  Long ticks;

  @Option(names = "--episodes", paramLabel = "N", description = "Stop after N episodes.")
  Long episodes;

  @Option(names = "--duration", paramLabel = "D", description = "Stop after D of wall-clock time (e.g. 30s, 5m).")
  String duration;

  @ArgGroup(exclusive = true)
  TimeMode timeMode;

  static final class TimeMode {
    @Option(names = "--realtime", description = "Pace the loop by the wall clock.")
    boolean realtime;

    @Option(names = "--fast", description = "Virtual clock, as fast as the CPU allows.")
    boolean fast;
  }

  @Option(names = "--mode", paramLabel = "MODE", description = "train or eval (clean policy, no learning).")
  String mode;

  @Option(names = "--seed", paramLabel = "N", description = "Run seed (learner and plant).")
  Long seed;

  @Option(names = "--summary-json", paramLabel = "FILE", description = "Also write the summary as JSON.")
  Path summaryJson;

  @Option(names = "--status", paramLabel = "WHEN", defaultValue = "auto",
      description = "Live status line: auto (on a terminal), always or never.")
  String status;

  @Override
  public Integer call() throws Exception {
    LoopAssembly.Overrides overrides = overrides();
    boolean statusLine = switch (status) {
      case "auto" -> System.console() != null;
      case "always" -> true;
      case "never" -> false;
      default -> throw new UsageException("--status: must be auto, always or never, got '" + status + "'");
    };
    LoopAssembly a;
    try {
      DeviceProfile profile = profileFile == null ? ProfileLoader.loadEmbeddedDefault() : ProfileLoader.load(profileFile);
      a = new LoopAssembly(profile, overrides);
    } catch (ProfileException e) {
      throw new UsageException(e.getMessage());
    }
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    try {
      a.board.start(a.events);
    } catch (RuntimeException e) {
      a.board.stop();
      a.close();
      throw e;
    }
    StopReason[] reason = new StopReason[1];
    Throwable[] crash = new Throwable[1];
    Thread control = new Thread(() -> {
      try {
        reason[0] = a.loop.run();
      } catch (Throwable t) {
        crash[0] = t;
      }
    }, "nrl-control");
    control.setPriority(Thread.MAX_PRIORITY);
    long startNs = System.nanoTime();
    try (Supervisor supervisor = new Supervisor(a.telemetry, a.events::drops, err, statusLine, 500).start()) {
      Thread hook = new Thread(a.loop::requestStop);
      Runtime.getRuntime().addShutdownHook(hook);
      control.start();
      control.join();
      Runtime.getRuntime().removeShutdownHook(hook);
    } finally {
      a.board.stop();
      a.close();
    }
    double wallSeconds = (System.nanoTime() - startNs) / 1e9;
    if (crash[0] != null) {
      throw new IllegalStateException("control loop crashed: " + crash[0], crash[0]);
    }
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("profile", a.profile.name());
    run.put("mode", a.settings.mode().name().toLowerCase(java.util.Locale.ROOT));
    run.put("time", a.fast ? "fast" : "realtime");
    run.put("strategy", a.idle.name());
    run.put("seed", seed != null ? seed : a.profile.run().seed());
    run.put("period_us", a.settings.periodNs() / 1e3);
    RunSummary summary = new RunSummary(a.telemetry, a.events.drops(), run, reason[0].name().toLowerCase(java.util.Locale.ROOT),
        a.settings.solvedAverage(), wallSeconds);
    if (a.bridge != null) {
      summary.with("bridge", a.bridge.link().counters().toMap());
    }
    spec.commandLine().getOut().print(summary.toText());
    spec.commandLine().getOut().flush();
    if (summaryJson != null) {
      try {
        Files.writeString(summaryJson, summary.toJson(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("cannot write --summary-json " + summaryJson + ": " + e.getMessage(), e);
      }
    }
    if (reason[0] == StopReason.LATCHED_FAULT) {
      err.println("nrl-edge: stopped on a fault that cannot recover on its own; see faults in the summary");
      return Main.EXIT_RUNTIME_FAILURE;
    }
    return Main.EXIT_OK;
  }

  private LoopAssembly.Overrides overrides() {
    if (ticks != null && ticks < 1) {
      throw new UsageException("--ticks: must be >= 1, got " + ticks);
    }
    if (episodes != null && episodes < 1) {
      throw new UsageException("--episodes: must be >= 1, got " + episodes);
    }
    Long durationNs = null;
    if (duration != null) {
      try {
        durationNs = Durations.parseNs(duration);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--duration: " + e.getMessage());
      }
      if (durationNs <= 0) {
        throw new UsageException("--duration: must be > 0, got '" + duration + "'");
      }
    }
    Mode m = null;
    if (mode != null) {
      m = switch (mode) {
        case "train" -> Mode.TRAIN;
        case "eval" -> Mode.EVAL;
        default -> throw new UsageException("--mode: must be train or eval, got '" + mode + "'");
      };
    }
    String time = timeMode == null ? null : timeMode.realtime ? "realtime" : "fast";
    return new LoopAssembly.Overrides(seed, m, time, ticks, episodes, durationNs);
  }
}
