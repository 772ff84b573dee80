package io.nrledge.telemetry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The end-of-run report, as ordered fields for {@code --summary-json} and a short text for
 * people. Latencies in microseconds; {@code loop_*} is tick-start lateness against the deadline
 * (always 0 on the virtual clock of fast mode), {@code tick_*} the work time of a tick.
 */
public final class RunSummary {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  /** Reads everything from {@code telemetry}; call once the loop and supervisor have stopped. */
  public RunSummary(LoopTelemetry telemetry, long eventDrops, Map<String, Object> run, String stopReason,
      double solvedAverage, double wallSeconds) {
    LoopTelemetry.Snapshot snap = telemetry.snapshot();
    EpisodeStats e = telemetry.episodes();
    long ticks = telemetry.get(LoopCounter.TICKS);
    long allocTicks = telemetry.get(LoopCounter.ALLOC_TICKS);
    boolean solved = e.windowFull() && e.movingAverage() >= solvedAverage;
    fields.putAll(run);
    fields.put("stop_reason", stopReason);
    fields.put("ticks", ticks);
    fields.put("episodes", e.episodes());
    fields.put("solved", solved);
    fields.put("final_ma100", e.movingAverage());
    fields.put("best_ma100", e.bestMovingAverage());
    fields.put("last_return", e.lastReturn());
    fields.put("reward_total", e.rewardTotal());
    putLatency("loop", snap.latenessNs());
    putLatency("tick", snap.tickWorkNs());
    fields.put("event_latency_p99_us", snap.eventLatencyNs().getValueAtPercentile(99) / 1e3);
    fields.put("overruns", telemetry.get(LoopCounter.OVERRUNS));
    fields.put("skipped_periods", telemetry.get(LoopCounter.SKIPPED_PERIODS));
    fields.put("alloc_bytes_per_tick", allocTicks > 0 ? (double) telemetry.get(LoopCounter.ALLOC_BYTES) / allocTicks : null);
    fields.put("alloc_measured_ticks", allocTicks);
    fields.put("faults", telemetry.get(LoopCounter.FAULTS));
    Map<String, Object> kinds = new LinkedHashMap<>();
    String[] faultNames = telemetry.faultNames();
    for (int i = 0; i < faultNames.length; i++) {
      kinds.put(faultNames[i], telemetry.faultCount(i));
    }
    fields.put("fault_kinds", kinds);
    fields.put("safe_ticks", telemetry.get(LoopCounter.SAFE_TICKS));
    fields.put("recoveries", telemetry.get(LoopCounter.RECOVERIES));
    fields.put("events", telemetry.get(LoopCounter.EVENTS));
    fields.put("events_dropped", eventDrops);
    Map<String, Object> phases = new LinkedHashMap<>();
    String[] phaseNames = telemetry.phaseNames();
    for (int i = 0; i < phaseNames.length; i++) {
      phases.put(phaseNames[i], telemetry.phaseMaxNs(i) / 1e3);
    }
    fields.put("phase_max_us", phases);
    fields.put("wall_seconds", wallSeconds);
    fields.put("ticks_per_second", wallSeconds > 0 ? ticks / wallSeconds : null);
  }

  private void putLatency(String prefix, Histogram h) {
    fields.put(prefix + "_p50_us", h.getValueAtPercentile(50) / 1e3);
    fields.put(prefix + "_p99_us", h.getValueAtPercentile(99) / 1e3);
    fields.put(prefix + "_p999_us", h.getValueAtPercentile(99.9) / 1e3);
    fields.put(prefix + "_max_us", h.getMaxValue() / 1e3);
  }

  /** Adds a field (e.g. a device's counters); returns this. */
  public RunSummary with(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  public Object get(String key) {
    return fields.get(key);
  }

  public String toJson() {
    return Json.object(fields) + "\n";
  }

  /** A few lines for a terminal. */
  public String toText() {
    return String.format(Locale.ROOT,
        "%s: %s after %d ticks, %d episodes (%s)%n"
            + "  moving average %.1f (best %.1f), solved: %s%n"
            + "  loop lateness p50 %.1f us, p99 %.1f us, max %.1f us; tick work p99 %.1f us; overruns %d%n"
            + "  faults %d, events %d (dropped %d), allocation %s bytes/tick, %.0f ticks/s%n",
        fields.get("profile"), fields.get("stop_reason"), fields.get("ticks"), fields.get("episodes"), fields.get("mode"),
        fields.get("final_ma100"), fields.get("best_ma100"), fields.get("solved"),
        fields.get("loop_p50_us"), fields.get("loop_p99_us"), fields.get("loop_max_us"), fields.get("tick_p99_us"),
        fields.get("overruns"), fields.get("faults"), fields.get("events"), fields.get("events_dropped"),
        fields.get("alloc_bytes_per_tick") == null ? "n/a" : String.format(Locale.ROOT, "%.3f", fields.get("alloc_bytes_per_tick")),
        fields.get("ticks_per_second") == null ? 0.0 : fields.get("ticks_per_second"));
  }
}
