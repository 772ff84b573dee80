package io.nrledge.cli;

import io.nrledge.bench.LoopBenchmark;
import io.nrledge.runtime.CpuSet;
import io.nrledge.runtime.IdleStrategies;
import io.nrledge.runtime.LoopSettings;
import io.nrledge.runtime.ParkSpinIdle;
import io.nrledge.runtime.RealtimeScheduling;
import io.nrledge.telemetry.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench loop}: our loop's tick-start lateness against a scheduled executor and a park loop, same rate, same run. */
@Command(
    name = "loop",
    mixinStandardHelpOptions = true,
    description = {"Tick-start lateness of the control loop (CartPole rig + 4-64-2 NRL learner per tick)",
        "against ScheduledExecutorService.scheduleAtFixedRate and a plain parkNanos loop at the same rate.",
        "Lateness is measured against each schedule: a period our loop skips counts as the lateness it caused.",
        "--rt-priority, --cpu-set and --lock-memory apply to our loop's control thread only: not to the",
        "baselines' threads, the --load threads, the JIT or the GC. A refusal by the OS prints one warning line.",
        "Target: p99 at most a fifth of the scheduled executor's, 0 bytes allocated per tick."})
final class BenchLoopCommand implements Callable<Integer> {
  private static final int MAX_LOAD = 256;
  /** The fastest rate the loop accepts: one tick per {@link LoopSettings#MIN_PERIOD_NS}. */
  static final int MAX_HZ = (int) (1_000_000_000L / LoopSettings.MIN_PERIOD_NS);
  static final double MIN_SECONDS = 0.1;
  static final double MAX_SECONDS = 3600;
  static final int MIN_TICKS = 100;

  @Spec CommandSpec spec;

  @Option(names = "--hz", description = "Tick rate, 1.." + MAX_HZ + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "1000")
  int hz;

  @Option(names = "--seconds", description = "Length of each contender's run, " + MIN_SECONDS + ".." + MAX_SECONDS
      + " s and at least " + MIN_TICKS + " ticks (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  double seconds;

  @Option(names = "--strategy", description = "Our idle strategy: park-spin, spin or park (default: ${DEFAULT-VALUE}).",
      defaultValue = IdleStrategies.DEFAULT)
  String strategy;

  @Option(names = "--spin-us",
      description = "park-spin: spin this long before each deadline, shorter than the period (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ParkSpinIdle.DEFAULT_SPIN_NS / 1000)
  long spinUs;

  @Option(names = "--load", paramLabel = "N",
      description = "Busy-spinning threads at normal priority, running through every contender's rounds (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int load;

  @Option(names = "--rt-priority", paramLabel = "P",
      description = "SCHED_FIFO priority 1..99 for our loop's control thread only (needs root, CAP_SYS_NICE or an rtprio limit).")
  Integer rtPriority;

  @Option(names = "--cpu-set", paramLabel = "S", description = "CPUs for our loop's control thread only, e.g. 1, 2-3 or 0,2.")
  String cpuSet;

  @Option(names = "--lock-memory",
      description = "mlockall(MCL_CURRENT|MCL_FUTURE) for the process; only with a bounded heap (java -Xmx...).")
  boolean lockMemory;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    if (hz < 1 || hz > MAX_HZ) {
      throw new UsageException("--hz: must be 1.." + MAX_HZ + ", got " + hz);
    }
    long periodNs = 1_000_000_000L / hz;
    double minSeconds = Math.max(MIN_SECONDS, (double) MIN_TICKS / hz);
    if (!(seconds >= minSeconds && seconds <= MAX_SECONDS)) {
      throw new UsageException(String.format(Locale.ROOT, "--seconds: must be in [%s, %s] (at least %d ticks at"
          + " --hz %d), got %s", minSeconds, MAX_SECONDS, MIN_TICKS, hz, seconds));
    }
    try {
      IdleStrategies.check(strategy);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--strategy: " + e.getMessage().substring("idle: ".length()));
    }
    if (load < 0 || load > MAX_LOAD) {
      throw new UsageException("--load: must be 0.." + MAX_LOAD + ", got " + load);
    }
    long spinNs = spinUs > Long.MAX_VALUE / 1000 || spinUs < 0 ? -1 : spinUs * 1000;
    if (strategy.equals(IdleStrategies.PARK_SPIN)) {
      OptionVerdict.of(Map.of("spin", "--spin-us"), "--spin-us", () -> {
        ParkSpinIdle.checkSpin(spinNs, periodNs);
        return null;
      });
    }
    RealtimeScheduling.Request realtime = realtimeRequest();
    LoopBenchmark.Result r = new LoopBenchmark(hz, seconds, clock -> IdleStrategies.create(strategy, spinNs, clock),
        load, realtime).run();
    PrintWriter err = spec.commandLine().getErr();
    r.realtime().warnings().forEach(w -> err.println("warning: " + w));
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? Json.object(fields(r)) + "\n" : text(r));
    out.flush();
    return Main.EXIT_OK;
  }

  private RealtimeScheduling.Request realtimeRequest() {
    int priority = rtPriority == null ? 0 : rtPriority;
    if (rtPriority != null && (priority < RealtimeScheduling.MIN_PRIORITY || priority > RealtimeScheduling.MAX_PRIORITY)) {
      throw new UsageException("--rt-priority: must be " + RealtimeScheduling.MIN_PRIORITY + ".."
          + RealtimeScheduling.MAX_PRIORITY + ", got " + priority);
    }
    CpuSet cpus;
    try {
      cpus = cpuSet == null ? null : CpuSet.parse(cpuSet);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--cpu-set: " + e.getMessage());
    }
    return new RealtimeScheduling.Request(priority, cpus, lockMemory);
  }

  static Map<String, Object> fields(LoopBenchmark.Result r) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("strategy", r.strategy());
    f.put("hz", r.hz());
    f.put("seconds", r.seconds());
    f.put("load_threads", r.loadThreads());
    f.putAll(r.realtime().summaryFields());
    f.put("ticks", r.ticks());
    f.put("p50_us", r.loop().p50());
    f.put("p99_us", r.loop().p99());
    f.put("p999_us", r.loop().p999());
    f.put("max_us", r.loop().max());
    f.put("tick_work_p99_us", r.tickWorkP99Us());
    f.put("overruns", r.overruns());
    f.put("skipped_periods", r.skippedPeriods());
    f.put("cpu_percent", r.cpuPercent());
    f.put("alloc_bytes_per_tick", r.allocBytesPerTick());
    f.put("baseline_scheduled_executor_p50_us", r.scheduledExecutor().p50());
    f.put("baseline_scheduled_executor_p99_us", r.scheduledExecutor().p99());
    f.put("baseline_scheduled_executor_max_us", r.scheduledExecutor().max());
    f.put("baseline_park_p50_us", r.park().p50());
    f.put("baseline_park_p99_us", r.park().p99());
    f.put("baseline_park_max_us", r.park().max());
    f.put("target_met", r.loop().p99() * 5 <= r.scheduledExecutor().p99() && r.allocBytesPerTick() == 0);
    f.put("java", Runtime.version().toString());
    return f;
  }

  private static String text(LoopBenchmark.Result r) {
    return String.format(Locale.ROOT,
        "tick-start lateness at %d Hz, %.0f s each (us)      p50      p99    p99.9      max%n"
            + "nrl-edge loop (%-9s)                     %8.1f %8.1f %8.1f %8.1f%n"
            + "ScheduledExecutorService.scheduleAtFixedRate   %8.1f %8.1f %8.1f %8.1f%n"
            + "plain parkNanos loop                           %8.1f %8.1f %8.1f %8.1f%n"
            + "our loop: overruns %d, cpu %.1f%%, tick work p99 %.1f us, %.3f bytes/tick%n"
            + "load: %d busy threads at normal priority; our control thread: %s%n",
        r.hz(), r.seconds(), r.strategy(), r.loop().p50(), r.loop().p99(), r.loop().p999(), r.loop().max(),
        r.scheduledExecutor().p50(), r.scheduledExecutor().p99(), r.scheduledExecutor().p999(), r.scheduledExecutor().max(),
        r.park().p50(), r.park().p99(), r.park().p999(), r.park().max(),
        r.overruns(), r.cpuPercent(), r.tickWorkP99Us(), r.allocBytesPerTick(), r.loadThreads(), realtimeText(r.realtime()));
  }

  private static String realtimeText(RealtimeScheduling.Result rt) {
    return (rt.rtPriority() == null ? "normal priority" : "SCHED_FIFO " + rt.rtPriority() + (rt.priorityApplied() ? "" : " refused"))
        + ", CPUs " + (rt.cpusApplied() == null ? "any" : rt.cpusApplied()) + ", memory " + (rt.memoryLocked() ? "locked" : "not locked");
  }
}
