package io.nrledge.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result files of one experiment folder while it runs, so they are always either complete or
 * marked: {@code config.json} carries a {@code status} that reads {@code running} until the last
 * file is written ({@code complete}), or {@code interrupted} / {@code failed}. Each finished run's
 * episode rows and then its summary row are appended and flushed as soon as it finishes; a run
 * counts as kept only once its summary row is on disk. At the end both CSVs are rewritten in the
 * runs' order, so the files do not depend on which run finished first, on threads or on resuming.
 * Thread-safe; must never write after the experiment was marked interrupted or failed.
 */
public final class ResultJournal {
  public static final String RUNNING = "running";
  public static final String COMPLETE = "complete";
  public static final String INTERRUPTED = "interrupted";
  public static final String FAILED = "failed";
  /** Every file an experiment writes; {@code --force} removes them first. */
  private static final List<String> SUMMARY_COLUMNS = List.of(ResultFiles.SUMMARY_HEADER.split(",", -1));
  private static final int SUMMARY_FIELDS = SUMMARY_COLUMNS.size();
  private static final int EPISODES_FIELD = SUMMARY_COLUMNS.indexOf("episodes");
  private static final int WALL_SECONDS_FIELD = SUMMARY_COLUMNS.indexOf("wall_seconds");

  public static final List<String> FILES = List.of(ResultFiles.CONFIG_JSON, ResultFiles.EPISODES_CSV,
      ResultFiles.SUMMARY_CSV, ResultFiles.AGGREGATE_CSV, CurvePlot.CURVES_PNG);

  private final Path dir;
  private final String version;
  private final List<String> arguments;
  private final List<RunSpec> specs;
  private final Map<String, RunResult> kept = new LinkedHashMap<>();
  private final Map<String, String> keptSummaryRows = new HashMap<>();
  private BufferedWriter episodes;
  private BufferedWriter summary;
  private String status = RUNNING;

  private ResultJournal(Path dir, String version, List<String> arguments, List<RunSpec> specs) {
    this.dir = dir;
    this.version = version;
    this.arguments = List.copyOf(arguments);
    this.specs = List.copyOf(specs);
  }

  /** A new experiment in {@code dir}: removes the previous result files, then writes config.json (running) and the CSV headers. */
  public static ResultJournal start(Path dir, String version, List<String> arguments, List<RunSpec> specs)
      throws IOException {
    for (String name : FILES) {
      Files.deleteIfExists(dir.resolve(name));
      Files.deleteIfExists(dir.resolve(name + ".tmp"));
    }
    ResultJournal journal = new ResultJournal(dir, version, arguments, specs);
    journal.writeConfig();
    journal.open(List.of(), List.of());
    return journal;
  }

  /**
   * Continues the interrupted experiment in {@code dir}: keeps every run whose summary row and
   * episode rows are on disk, drops anything else (a half-written row), and leaves the missing runs
   * to {@link #missing()}.
   *
   * @throws IllegalArgumentException (one line) when there is nothing to resume or the runs differ
   */
  public static ResultJournal resume(Path dir, String version, List<String> arguments, List<RunSpec> specs)
      throws IOException {
    Path config = dir.resolve(ResultFiles.CONFIG_JSON);
    if (!Files.isRegularFile(config)) {
      throw new IllegalArgumentException("no experiment to resume in '" + dir + "' (no " + ResultFiles.CONFIG_JSON + ")");
    }
    if (!Files.readString(config, StandardCharsets.UTF_8).contains(ResultFiles.runsBlock(specs))) {
      throw new IllegalArgumentException("the options give other runs than the experiment in '" + dir
          + "' (see its " + ResultFiles.CONFIG_JSON + "); repeat its command line with --resume");
    }
    ResultJournal journal = new ResultJournal(dir, version, arguments, specs);
    journal.readKept();
    journal.writeConfig();
    List<String> episodeRows = new ArrayList<>();
    for (RunResult result : journal.kept.values()) {
      java.io.StringWriter rows = new java.io.StringWriter();
      ResultFiles.writeEpisodeRows(rows, result);
      episodeRows.add(rows.toString());
    }
    List<String> summaryRows = new ArrayList<>();
    for (String key : journal.kept.keySet()) {
      summaryRows.add(journal.keptSummaryRows.get(key) + "\n");
    }
    journal.open(episodeRows, summaryRows);
    return journal;
  }

  /** The runs already on disk, in the runs' order. */
  public synchronized List<RunResult> kept() {
    return new ArrayList<>(kept.values());
  }

  /** The runs still to do, in the runs' order. */
  public synchronized List<RunSpec> missing() {
    return specs.stream().filter(spec -> !kept.containsKey(ResultFiles.runKey(spec))).toList();
  }

  /** Appends one finished run's rows and flushes them; ignored once the experiment is no longer running. */
  public synchronized void record(RunResult result) throws IOException {
    if (!status.equals(RUNNING)) {
      return;
    }
    ResultFiles.writeEpisodeRows(episodes, result);
    episodes.flush();
    summary.write(ResultFiles.summaryRow(result));
    summary.write('\n');
    summary.flush();
    kept.put(ResultFiles.runKey(result.spec()), result);
  }

  /** Every run's result, in the runs' order; only meaningful once {@link #missing()} is empty. */
  public synchronized List<RunResult> results() {
    List<RunResult> ordered = new ArrayList<>();
    for (RunSpec spec : specs) {
      RunResult result = kept.get(ResultFiles.runKey(spec));
      if (result != null) {
        ordered.add(result);
      }
    }
    return ordered;
  }

  /** Rewrites both CSVs in the runs' order (kept summary rows verbatim); status stays running. Returns false when no longer running. */
  public synchronized boolean writeOrderedRows() throws IOException {
    if (!status.equals(RUNNING)) {
      return false;
    }
    closeWriters();
    StringBuilder episodeText = new StringBuilder(ResultFiles.EPISODES_HEADER).append('\n');
    StringBuilder summaryText = new StringBuilder(ResultFiles.SUMMARY_HEADER).append('\n');
    java.io.StringWriter rows = new java.io.StringWriter();
    for (RunResult result : results()) {
      ResultFiles.writeEpisodeRows(rows, result);
      String key = ResultFiles.runKey(result.spec());
      summaryText.append(keptSummaryRows.getOrDefault(key, ResultFiles.summaryRow(result))).append('\n');
    }
    episodeText.append(rows);
    ResultFiles.replaceAtomically(dir.resolve(ResultFiles.EPISODES_CSV), episodeText);
    ResultFiles.replaceAtomically(dir.resolve(ResultFiles.SUMMARY_CSV), summaryText);
    return true;
  }

  /** Marks the experiment complete: call after every file is written. */
  public synchronized void markComplete() throws IOException {
    finish(COMPLETE);
  }

  /** Marks the experiment interrupted, keeping every run already recorded; later records are ignored. */
  public synchronized void markInterrupted() throws IOException {
    finish(INTERRUPTED);
  }

  /** Marks the experiment failed (a run threw); later records are ignored. */
  public synchronized void markFailed() throws IOException {
    finish(FAILED);
  }

  public synchronized String status() {
    return status;
  }

  private void finish(String newStatus) throws IOException {
    if (!status.equals(RUNNING)) {
      return;
    }
    status = newStatus;
    closeWriters();
    writeConfig();
  }

  private void writeConfig() throws IOException {
    ResultFiles.writeConfig(dir.resolve(ResultFiles.CONFIG_JSON), version, arguments, specs, status);
  }

  /** Rewrites both CSVs with the header and {@code rows}, then opens them for appending. */
  private void open(List<String> episodeRows, List<String> summaryRows) throws IOException {
    ResultFiles.replaceAtomically(dir.resolve(ResultFiles.EPISODES_CSV),
        ResultFiles.EPISODES_HEADER + "\n" + String.join("", episodeRows));
    ResultFiles.replaceAtomically(dir.resolve(ResultFiles.SUMMARY_CSV),
        ResultFiles.SUMMARY_HEADER + "\n" + String.join("", summaryRows));
    episodes = Files.newBufferedWriter(dir.resolve(ResultFiles.EPISODES_CSV), StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    summary = Files.newBufferedWriter(dir.resolve(ResultFiles.SUMMARY_CSV), StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }

  private void closeWriters() throws IOException {
    if (episodes != null) {
      episodes.close();
      summary.close();
      episodes = null;
      summary = null;
    }
  }

  /** Reads the runs whose summary row is complete and whose episode rows all precede it on disk. */
  private void readKept() throws IOException {
    Map<String, RunSpec> byKey = new HashMap<>();
    for (RunSpec spec : specs) {
      byKey.put(ResultFiles.runKey(spec), spec);
    }
    Map<String, String> summaryRows = new LinkedHashMap<>();
    for (String line : lines(ResultFiles.SUMMARY_CSV)) {
      String[] f = line.split(",", -1);
      if (f.length == SUMMARY_FIELDS && byKey.containsKey(key(f))) {
        summaryRows.put(key(f), line);
      }
    }
    Map<String, List<String[]>> episodeRows = new HashMap<>();
    for (String line : lines(ResultFiles.EPISODES_CSV)) {
      String[] f = line.split(",", -1);
      if (f.length == 8 && summaryRows.containsKey(key(f))) {
        episodeRows.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
      }
    }
    for (Map.Entry<String, String> row : summaryRows.entrySet()) {
      RunResult result = parse(byKey.get(row.getKey()), row.getValue().split(",", -1),
          episodeRows.getOrDefault(row.getKey(), List.of()));
      if (result != null) {
        kept.put(row.getKey(), result);
        keptSummaryRows.put(row.getKey(), row.getValue());
      }
    }
  }

  /** A kept run from its rows, or null when they are inconsistent (then it runs again). */
  private static RunResult parse(RunSpec spec, String[] summaryRow, List<String[]> rows) {
    try {
      int episodes = Integer.parseInt(summaryRow[EPISODES_FIELD]);
      if (episodes != rows.size() || episodes > spec.episodes()) {
        return null;
      }
      double[] returns = new double[spec.episodes()];
      int[] steps = new int[spec.episodes()];
      long totalSteps = 0;
      for (int e = 0; e < episodes; e++) {
        String[] f = rows.get(e);
        if (Integer.parseInt(f[5]) != e + 1) {
          return null;
        }
        returns[e] = Double.parseDouble(f[6]);
        steps[e] = Integer.parseInt(f[7]);
        totalSteps += steps[e];
      }
      double threshold = spec.task().createEnvironment(spec.corrected()).solvedThreshold();
      return new RunResult(spec, returns, steps, episodes, threshold, totalSteps,
          Double.parseDouble(summaryRow[WALL_SECONDS_FIELD]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String key(String[] fields) {
    return String.join(",", fields[0], fields[1], fields[2], fields[3], fields[4]);
  }

  private List<String> lines(String name) throws IOException {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    // A last line without its newline was cut off mid-write: it does not count.
    return end < 0 ? List.of() : text.substring(0, end).lines().skip(1).toList();
  }
}
