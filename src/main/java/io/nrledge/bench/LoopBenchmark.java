package io.nrledge.bench;

import io.nrledge.io.Board;
import io.nrledge.io.sim.SimRigs;
import io.nrledge.learner.CreditForm;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.Learners;
import io.nrledge.runtime.ActionMap;
import io.nrledge.runtime.AllocationMeter;
import io.nrledge.runtime.ControlLoop;
import io.nrledge.runtime.EventRing;
import io.nrledge.runtime.FaultKind;
import io.nrledge.runtime.IdleStrategy;
import io.nrledge.runtime.LoopSettings;
import io.nrledge.io.ManualNanoClock;
import io.nrledge.io.NanoClock;
import io.nrledge.runtime.ObservationMap;
import io.nrledge.runtime.RealtimeScheduling;
import io.nrledge.io.SystemNanoClock;
import io.nrledge.runtime.TickPhase;
import io.nrledge.telemetry.LoopCounter;
import io.nrledge.telemetry.LoopTelemetry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * Tick-start lateness of our control loop against two baselines at the same rate, in one process,
 * in rotation: {@code ScheduledExecutorService.scheduleAtFixedRate}, our loop, a plain
 * {@code parkNanos} loop. Every contender runs the same realistic tick (a simulated CartPole
 * rig and a 4-64-2 NRL learner, through {@link ControlLoop#tick}); only the waiting differs.
 *
 * <p>Lateness is measured against each contender's schedule, so a late period is never left out:
 * the scheduled executor's k-th run against {@code origin + k·period} (it bursts to catch up, each
 * burst run counted as late as it is); the park loop against its own absolute deadlines (it bursts
 * too); our loop, which skips missed periods instead of bursting, records each skipped period as
 * the lateness it caused (from its deadline to the next tick start).
 *
 * <p>Optional {@link BusyLoad} threads compete for the CPUs through every contender's rounds. Real-time
 * settings, when asked for, go to our loop's control thread only: not to the baselines' threads,
 * the load threads, the JIT or the GC.
 */
public final class LoopBenchmark {
  /** Lateness percentiles in µs. */
  public record Latency(double p50, double p99, double p999, double max) {
    static Latency of(Histogram h) {
      return new Latency(h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
          h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }
  }

  /** Our loop's numbers and the baselines'. */
  public record Result(String strategy, int hz, double seconds, long ticks, Latency loop, double tickWorkP99Us,
      long overruns, long skippedPeriods, double cpuPercent, double allocBytesPerTick, Latency scheduledExecutor,
      Latency park, int loadThreads, RealtimeScheduling.Result realtime) {}

  private static final long WARMUP_TICKS = 100_000;
  private static final long MAX_NS = 10_000_000_000L;

  private final int hz;
  private final double seconds;
  private final long periodNs;
  private final Function<NanoClock, IdleStrategy> idle;
  private final int loadThreads;
  private final RealtimeScheduling.Request realtime;

  /**
   * {@code loadThreads} busy threads run through every round; {@code realtime} is applied by our
   * loop's control thread to itself before its first round.
   */
  public LoopBenchmark(int hz, double seconds, Function<NanoClock, IdleStrategy> idle, int loadThreads,
      RealtimeScheduling.Request realtime) {
    if (loadThreads < 0) {
      throw new IllegalArgumentException("load threads must be >= 0, got " + loadThreads);
    }
    this.hz = hz;
    this.seconds = seconds;
    this.periodNs = Math.round(1e9 / hz);
    this.idle = idle;
    this.loadThreads = loadThreads;
    this.realtime = realtime;
  }

  /**
   * Runs the three contenders in rotation, one-second rounds each, so a change in the machine's
   * load hits all three alike; takes about three times {@code seconds}. The first round of our
   * loop is its warm-up for the allocation count.
   */
  public Result run() throws InterruptedException {
    warmUp();
    int rounds = (int) Math.max(1, Math.round(seconds));
    long roundTicks = Math.max(1, Math.round(seconds * hz / rounds));
    Histogram executor = new Histogram(1, MAX_NS, 3);
    Histogram park = new Histogram(1, MAX_NS, 3);
    Workload executorWork = new Workload(SystemNanoClock.INSTANCE, null, settings().build());
    Workload parkWork = new Workload(SystemNanoClock.INSTANCE, null, settings().build());
    IdleStrategy strategy = idle.apply(SystemNanoClock.INSTANCE);
    Workload ours = new Workload(SystemNanoClock.INSTANCE, strategy,
        settings().maxDurationNs(roundTicks * periodNs).build());
    long cpuNs = 0;
    long wallNs = 0;
    long allocBytes = 0;
    long allocTicks = 0;
    RealtimeScheduling.Result applied;
    BusyLoad load = new BusyLoad(loadThreads);
    try {
      OurLoopThread control = new OurLoopThread(ours.loop, realtime);
      applied = control.realtime();
      for (int r = 0; r < rounds; r++) {
        scheduledExecutor(executorWork, roundTicks, executor);
        long ticksBefore = ours.loop.ticks();
        long[] round = control.round();
        cpuNs += round[0];
        wallNs += round[1];
        if (r > 0 || rounds == 1) {
          allocBytes += round[2];
          allocTicks += ours.loop.ticks() - ticksBefore;
        }
        parkLoop(parkWork, roundTicks, park);
      }
      control.close();
    } finally {
      load.close();
    }
    LoopTelemetry.Snapshot snap = ours.telemetry.snapshot();
    return new Result(strategy.name(), hz, seconds, ours.telemetry.get(LoopCounter.TICKS), Latency.of(snap.latenessNs()),
        snap.tickWorkNs().getValueAtPercentile(99) / 1e3, ours.telemetry.get(LoopCounter.OVERRUNS),
        ours.telemetry.get(LoopCounter.SKIPPED_PERIODS), 100.0 * cpuNs / wallNs,
        allocTicks > 0 ? (double) allocBytes / allocTicks : Double.NaN, Latency.of(executor), Latency.of(park),
        loadThreads, applied);
  }

  /** The realistic tick: a CartPole rig and an NRL learner behind a control loop on {@code clock}. */
  private final class Workload {
    final LoopTelemetry telemetry = new LoopTelemetry(TickPhase.labels(), FaultKind.labels(), 100);
    final ControlLoop loop;

    Workload(NanoClock clock, IdleStrategy idleStrategy, LoopSettings settings) {
      Board board = SimRigs.create("cartpole", false, 0, 0, 11, clock);
      EventRing events = new EventRing(1024);
      board.start(events);
      loop = new ControlLoop(settings, clock, idleStrategy, SystemNanoClock.INSTANCE, board,
          Learners.create(LearnerConfig.builder(4, 64, 2).form(CreditForm.EPISODIC).seed(11).build()),
          ObservationMap.identity(4), new ActionMap(new double[][] {{-10}, {10}}, new double[] {-10},
              new double[] {10}, new double[] {Double.POSITIVE_INFINITY}, new double[] {0}), events, telemetry);
    }
  }

  private LoopSettings.Builder settings() {
    return LoopSettings.builder(periodNs).rewards(1.0, 0, 500).watchdog(Integer.MAX_VALUE, 50);
  }

  /**
   * Compiles the loop before anything is timed, overrun path included: a virtual clock that now
   * and then jumps a few periods, through {@link ControlLoop#run()} itself.
   */
  private void warmUp() {
    ManualNanoClock clock = new ManualNanoClock(0);
    long[] ticks = {0};
    IdleStrategy jumpy = new IdleStrategy() {
      @Override
      public long awaitDeadline(long deadlineNs) {
        clock.advanceTo(deadlineNs);
        if (++ticks[0] % 1000 == 0) {
          clock.advance(3 * periodNs);
        }
        return clock.nanoTime();
      }

      @Override
      public String name() {
        return "warm-up";
      }
    };
    new Workload(clock, jumpy, settings().maxTicks(WARMUP_TICKS).build()).loop.run();
  }

  /** One round of scheduleAtFixedRate, lateness against the executor's own first trigger time. */
  private void scheduledExecutor(Workload w, long total, Histogram h) throws InterruptedException {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bench-scheduled-executor");
      t.setPriority(Thread.MAX_PRIORITY);
      return t;
    });
    try {
      executor.schedule(() -> { }, 0, TimeUnit.NANOSECONDS).get(); // start the thread before timing
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    long[] k = {0};
    long[] origin = {0};
    CountDownLatch scheduled = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    ScheduledFuture<?> f = executor.scheduleAtFixedRate(() -> {
      long now = System.nanoTime();
      if (k[0] == 0) {
        awaitQuietly(scheduled);
      }
      if (k[0] < total) {
        h.recordValue(Math.max(0, Math.min(now - (origin[0] + k[0] * periodNs), MAX_NS)));
        w.loop.tick(now);
        if (++k[0] == total) {
          done.countDown();
        }
      }
    }, 10 * periodNs, periodNs, TimeUnit.NANOSECONDS);
    origin[0] = System.nanoTime() + f.getDelay(TimeUnit.NANOSECONDS);
    scheduled.countDown();
    done.await();
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Our loop on one long-lived control thread, a round per {@link #round()} call, so per-thread
   * first-use costs (the first park, the first counter read) stay out of every measured round.
   */
  private static final class OurLoopThread {
    private final Semaphore go = new Semaphore(0);
    private final Semaphore done = new Semaphore(0);
    private final Thread thread;
    private final long[] last = new long[3];
    private volatile boolean finished;
    private RealtimeScheduling.Result realtime;

    /** Starts the thread, which applies {@code request} to itself and waits for its first round. */
    OurLoopThread(ControlLoop loop, RealtimeScheduling.Request request) {
      thread = new Thread(() -> {
        realtime = RealtimeScheduling.applyToCurrentThread(request);
        AllocationMeter.currentThreadAllocatedBytes();
        LockSupport.parkNanos(1);
        done.release();
        while (true) {
          go.acquireUninterruptibly();
          if (finished) {
            return;
          }
          long cpu0 = AllocationMeter.currentThreadCpuNs();
          long alloc0 = AllocationMeter.currentThreadAllocatedBytes();
          long wall0 = System.nanoTime();
          loop.run();
          last[2] = AllocationMeter.currentThreadAllocatedBytes() - alloc0;
          last[1] = System.nanoTime() - wall0;
          last[0] = AllocationMeter.currentThreadCpuNs() - cpu0;
          done.release();
        }
      }, "bench-control");
      thread.setPriority(Thread.MAX_PRIORITY);
      thread.setDaemon(true);
      thread.start();
      done.acquireUninterruptibly();
    }

    /** What the control thread applied to itself. */
    RealtimeScheduling.Result realtime() {
      return realtime;
    }

    /** Runs one round; returns {cpu ns, wall ns, bytes allocated} of the control thread. */
    long[] round() {
      go.release();
      done.acquireUninterruptibly();
      return last.clone();
    }

    void close() throws InterruptedException {
      finished = true;
      go.release();
      thread.join();
    }
  }

  /** One round of a plain parkNanos loop with absolute deadlines. */
  private void parkLoop(Workload w, long total, Histogram h) throws InterruptedException {
    Thread t = new Thread(() -> {
      long next = System.nanoTime() + periodNs;
      for (long k = 0; k < total; k++, next += periodNs) {
        long now;
        while ((now = System.nanoTime()) - next < 0) {
          LockSupport.parkNanos(next - now);
        }
        h.recordValue(Math.min(now - next, MAX_NS));
        w.loop.tick(now);
      }
    }, "bench-park");
    t.setPriority(Thread.MAX_PRIORITY);
    t.start();
    t.join();
  }
}
