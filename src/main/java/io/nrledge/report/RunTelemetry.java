package io.nrledge.report;

import io.nrledge.telemetry.DiskBudget;
import io.nrledge.telemetry.McapReader;
import io.nrledge.telemetry.TelemetryFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A run's telemetry read back from its folder's MCAP files, oldest first: episode ends, reward
 * per {@value #TICKS_PER_BUCKET} ticks, a lateness histogram, faults and dropped records. Files
 * cut short are read up to their last complete record and named in {@link #incompleteFiles()}.
 * Not for the control thread.
 */
public final class RunTelemetry {
  public static final int TICKS_PER_BUCKET = 1000;

  /** One fault: when (loop seconds), which tick, its kind's name. */
  public record FaultAt(double seconds, long tick, String kind) {}

  private final List<TelemetryFormat.Episode> episodes = new ArrayList<>();
  private final List<Double> episodeSeconds = new ArrayList<>();
  private final List<double[]> rewardBuckets = new ArrayList<>(); // {first tick's seconds, reward sum, ticks}
  private final List<FaultAt> faults = new ArrayList<>();
  private final Map<String, Long> faultsByKind = new LinkedHashMap<>();
  private final Histogram latenessNs = new Histogram(3_600_000_000_000L, 3);
  private final List<String> incompleteFiles = new ArrayList<>();
  private Map<String, String> run = Map.of();
  private long ticks;
  private long firstTimeNs = Long.MIN_VALUE;
  private long dropped;
  private int files;

  private RunTelemetry() {}

  /**
   * Reads every {@code telemetry-*.mcap} in {@code runDir}. {@link IllegalArgumentException} when
   * the folder holds none (not a run folder); {@link IOException} when a file is unreadable or not
   * MCAP.
   */
  public static RunTelemetry read(Path runDir) throws IOException {
    if (!Files.isDirectory(runDir)) {
      throw new IllegalArgumentException("'" + runDir + "' is not a folder");
    }
    List<Path> files = DiskBudget.telemetryFilesOldestFirst(runDir);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("'" + runDir + "' is not a run folder: it holds no telemetry-*.mcap");
    }
    RunTelemetry t = new RunTelemetry();
    for (Path f : files) {
      McapReader.Outcome o = McapReader.read(f, t::message);
      t.files++;
      if (o.metadata().containsKey("run")) {
        t.run = o.metadata().get("run");
      }
      if (!o.complete()) {
        t.incompleteFiles.add(f.getFileName() + " (cut after byte " + o.validBytes() + ", " + o.messages()
            + " messages read)");
      }
    }
    return t;
  }

  private void message(McapReader.Channel channel, long sequence, long logTimeNs, java.nio.ByteBuffer data) {
    Object m = TelemetryFormat.decode(channel.topic(), data);
    if (m == null) {
      return;
    }
    if (firstTimeNs == Long.MIN_VALUE) {
      firstTimeNs = logTimeNs;
    }
    double seconds = (logTimeNs - firstTimeNs) / 1e9;
    switch (m) {
      case TelemetryFormat.Tick tick -> {
        ticks++;
        latenessNs.recordValue(Math.max(0, Math.min(tick.latenessNs(), latenessNs.getHighestTrackableValue())));
        int bucket = (int) (tick.tick() / TICKS_PER_BUCKET);
        while (rewardBuckets.size() <= bucket) {
          rewardBuckets.add(new double[] {seconds, 0, 0});
        }
        rewardBuckets.get(bucket)[1] += tick.reward();
        rewardBuckets.get(bucket)[2]++;
      }
      case TelemetryFormat.Episode e -> {
        episodes.add(e);
        episodeSeconds.add(seconds);
      }
      case TelemetryFormat.Fault f -> {
        String[] kinds = channel.metadata().getOrDefault("kinds", "").split(",");
        String kind = f.kind() >= 0 && f.kind() < kinds.length ? kinds[f.kind()] : "kind-" + f.kind();
        faults.add(new FaultAt(seconds, f.tick(), kind));
        faultsByKind.merge(kind, 1L, Long::sum);
      }
      case TelemetryFormat.Gap g -> dropped += g.dropped();
      default -> { }
    }
  }

  /** The run's facts written at its start (profile, mode, period, …). */
  public Map<String, String> run() {
    return run;
  }

  public long ticks() {
    return ticks;
  }

  public List<TelemetryFormat.Episode> episodes() {
    return episodes;
  }

  /** Loop seconds at each episode's end. */
  public List<Double> episodeSeconds() {
    return episodeSeconds;
  }

  /** Per {@value #TICKS_PER_BUCKET} ticks: {loop seconds at its first tick, reward sum, ticks recorded}. */
  public List<double[]> rewardBuckets() {
    return rewardBuckets;
  }

  public List<FaultAt> faults() {
    return faults;
  }

  public Map<String, Long> faultsByKind() {
    return faultsByKind;
  }

  public Histogram latenessNs() {
    return latenessNs;
  }

  /** Records the control thread dropped because a ring was full (from the /gap messages). */
  public long dropped() {
    return dropped;
  }

  public int files() {
    return files;
  }

  public List<String> incompleteFiles() {
    return incompleteFiles;
  }

  /**
   * Best moving average over a full window of {@code window} episodes (the run's
   * {@code average_window}), NaN when no window filled.
   */
  public double bestMovingAverage(int window) {
    double best = Double.NaN;
    for (TelemetryFormat.Episode e : episodes) {
      if (e.episode() >= window && (Double.isNaN(best) || e.movingAverage() > best)) {
        best = e.movingAverage();
      }
    }
    return best;
  }
}
