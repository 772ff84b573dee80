package io.nrledge.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs independent {@link RunSpec}s on a fixed pool, each run whole on one thread with its own
 * learner and environment, so results never depend on the thread count or scheduling. Counts
 * finished runs and episodes for progress displays; never prints.
 */
public final class Experiment {
  /** Told about every finished run, from the pool's threads: implementations must be thread-safe. */
  public interface Listener {
    void runFinished(RunResult result);
  }

  private final List<RunSpec> specs;
  private final int threads;
  private final AtomicLong episodesDone = new AtomicLong();
  private final AtomicInteger runsDone = new AtomicInteger();
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private volatile ExecutorService pool;

  public Experiment(List<RunSpec> specs, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.specs = List.copyOf(specs);
    this.threads = threads;
  }

  /**
   * Runs every spec and returns the results in the specs' order. A failing run cancels the rest.
   * After {@link #requestStop()} no run starts, running ones are abandoned between episodes (the
   * listener never hears of them) and the list holds only the runs that finished.
   *
   * @throws ExecutionException wrapping the first failure of a run, in spec order
   */
  public List<RunResult> run(Listener listener) throws InterruptedException, ExecutionException {
    ExecutorService executor = Executors.newFixedThreadPool(threads, namedDaemonThreads());
    pool = executor;
    try {
      List<Future<RunResult>> futures = new ArrayList<>();
      for (RunSpec spec : specs) {
        futures.add(executor.submit(() -> {
          if (stopRequested.get()) {
            return null;
          }
          RunResult result = new TrainingRun(spec).run(episodesDone, stopRequested::get);
          if (result != null) {
            runsDone.incrementAndGet();
            listener.runFinished(result);
          }
          return result;
        }));
      }
      executor.shutdown();
      List<RunResult> results = new ArrayList<>();
      for (Future<RunResult> future : futures) {
        RunResult result = future.get();
        if (result != null) {
          results.add(result);
        }
      }
      return results;
    } finally {
      executor.shutdownNow();
    }
  }

  /** Starts no further run and abandons running ones at their next episode; any thread. */
  public void requestStop() {
    stopRequested.set(true);
  }

  public boolean stopRequested() {
    return stopRequested.get();
  }

  /** After {@link #requestStop()}: waits until no run is on the pool any more, at most {@code timeoutMs}. */
  public boolean awaitStopped(long timeoutMs) throws InterruptedException {
    ExecutorService executor = pool;
    return executor == null || executor.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS);
  }

  public int runCount() {
    return specs.size();
  }

  public int runsDone() {
    return runsDone.get();
  }

  /** The most episodes the runs can take (fewer when runs stop once solved). */
  public long episodeBudget() {
    long total = 0;
    for (RunSpec spec : specs) {
      total += spec.episodes();
    }
    return total;
  }

  public long episodesDone() {
    return episodesDone.get();
  }

  private static ThreadFactory namedDaemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "experiment-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
