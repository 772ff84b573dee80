package io.nrledge.cli;

import io.nrledge.experiment.Experiment;
import io.nrledge.experiment.RunResult;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows an experiment's progress on stderr. On a terminal: a bar rewritten in place with
 * {@code \r} (runs, episodes, ETA), each finished run's line printed above it; elsewhere only one
 * line per finished run. Never writes to stdout, never slows a run (it only reads counters).
 */
final class ExperimentProgress implements Experiment.Listener, AutoCloseable {
  private static final int BAR_CELLS = 30;
  private static final long REDRAW_MS = 500;

  private final PrintWriter err;
  private final Experiment experiment;
  private final boolean labelHyperParameters;
  private final long startNs = System.nanoTime();
  private final ScheduledExecutorService redraw;
  private int drawnLength;

  private ExperimentProgress(PrintWriter err, Experiment experiment, boolean labelHyperParameters, boolean terminal) {
    this.err = err;
    this.experiment = experiment;
    this.labelHyperParameters = labelHyperParameters;
    this.redraw = terminal ? Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "experiment-progress");
      thread.setDaemon(true);
      return thread;
    }) : null;
  }

  /** Starts redrawing the bar if stderr belongs to an interactive terminal. */
  static ExperimentProgress start(PrintWriter err, Experiment experiment, boolean labelHyperParameters) {
    ExperimentProgress progress = new ExperimentProgress(err, experiment, labelHyperParameters, isInteractive());
    if (progress.redraw != null) {
      progress.redraw.scheduleAtFixedRate(progress::drawBar, 0, REDRAW_MS, TimeUnit.MILLISECONDS);
    }
    return progress;
  }

  @Override
  public synchronized void runFinished(RunResult result) {
    if (redraw != null) {
      eraseBar();
    }
    err.println(line(result, labelHyperParameters));
    if (redraw != null) {
      drawBar();
    }
    err.flush();
  }

  @Override
  public synchronized void close() {
    if (redraw != null) {
      redraw.shutdownNow();
      drawBar();
      err.println();
      err.flush();
    }
  }

  /** "cartpole nrl seed 3: solved at 1234, final ma100 481.2, 12.3 s". */
  static String line(RunResult result, boolean labelHyperParameters) {
    String run = result.spec().task().id() + " " + result.spec().setting().label(labelHyperParameters)
        + " seed " + result.spec().seed() + ": ";
    String solved = !Double.isFinite(result.threshold()) ? ""
        : result.solvedAtEpisode() > 0 ? "solved at " + result.solvedAtEpisode() + ", " : "not solved, ";
    return run + solved + String.format(Locale.ROOT, "final ma100 %.1f, %.1f s",
        result.finalMovingAverage(), result.wallSeconds());
  }

  private synchronized void drawBar() {
    long budget = experiment.episodeBudget();
    long done = experiment.episodesDone();
    int filled = (int) (BAR_CELLS * done / Math.max(1, budget));
    String bar = "[" + "#".repeat(filled) + "-".repeat(BAR_CELLS - filled) + "] "
        + experiment.runsDone() + "/" + experiment.runCount() + " runs, "
        + done + "/" + budget + " episodes, ETA " + eta(done, budget);
    err.print("\r" + bar + " ".repeat(Math.max(0, drawnLength - bar.length())));
    err.flush();
    drawnLength = bar.length();
  }

  private void eraseBar() {
    err.print("\r" + " ".repeat(drawnLength) + "\r");
    drawnLength = 0;
  }

  private String eta(long done, long budget) {
    if (done == 0) {
      return "--";
    }
    long seconds = Math.round((System.nanoTime() - startNs) * 1e-9 * (budget - done) / done);
    return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60)
        : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }

  /**
   * {@code System.console() != null}, and on JDK 22+ (where a console can exist with redirected
   * streams) also {@code Console.isTerminal()}, which the release-21 API cannot name directly.
   */
  private static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
