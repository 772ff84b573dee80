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
  /** The first and last windows of the reward rate are this fraction of the run each. */
  public static final double RATE_WINDOW_FRACTION = 0.1;

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
    RewardWindows w = telemetry.rewardWindows();
    long recorded = w.ticks();
    long window = (long) Math.ceil(recorded * RATE_WINDOW_FRACTION);
    fields.put("reward_per_1k_ticks", w.ratePer1000(0, recorded));
    fields.put("reward_rate_window_fraction", RATE_WINDOW_FRACTION);
    fields.put("reward_rate_first_window", w.ratePer1000(0, window));
    fields.put("reward_rate_last_window", w.ratePer1000(recorded - window, recorded));
    fields.put("reward_rate_windows", w.windowRates((int) Math.round(1 / RATE_WINDOW_FRACTION)));
    fields.put("reward_gain_windows", w.gainWindowRates((int) Math.round(1 / RATE_WINDOW_FRACTION)));
    putLatency("loop", snap.latenessNs());
    putLatency("tick", snap.tickWorkNs());
    fields.put("first_ticks_work_p99_us", snap.firstTicksWorkNs().getValueAtPercentile(99) / 1e3);
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
    fields.put("last_fault", lastFault(telemetry));
    fields.put("device_exceptions", telemetry.get(LoopCounter.DEVICE_EXCEPTIONS));
    fields.put("safe_write_failures", telemetry.get(LoopCounter.SAFE_WRITE_FAILURES));
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

  private static Map<String, Object> lastFault(LoopTelemetry telemetry) {
    FaultRecord f = new FaultRecord();
    if (!telemetry.readLastFault(f)) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", telemetry.faultName(f.kind));
    m.put("phase", telemetry.phaseName(f.phase));
    m.put("channel", f.channel >= 0 ? f.channel : null);
    m.put("tick", f.tick);
    m.put("cause", f.cause != null ? String.valueOf(f.cause) : null);
    return m;
  }

  private void putLatency(String prefix, Histogram h) {
    fields.put(prefix + "_p50_us", h.getValueAtPercentile(50) / 1e3);
    fields.put(prefix + "_p99_us", h.getValueAtPercentile(99) / 1e3);
    fields.put(prefix + "_p999_us", h.getValueAtPercentile(99.9) / 1e3);
    fields.put(prefix + "_max_us", h.getMaxValue() / 1e3);
  }

  /** Adds or replaces one field (a number, string, boolean, null or nested map). */
  public void put(String key, Object value) {
    fields.put(key, value);
  }

  public Object get(String key) {
    return fields.get(key);
  }

  public String toJson() {
    return Json.object(fields) + "\n";
  }

  /**
   * Adds the events each source posted, and per hour of loop time ({@code ticks} periods), e.g.
   * bumps and beacons per simulated hour.
   */
  public void putEventsBySource(Map<String, Long> counts, long periodNs) {
    fields.put("events_by_source", counts);
    double hours = ((Number) fields.get("ticks")).longValue() * (double) periodNs / 3.6e12;
    Map<String, Object> perHour = new LinkedHashMap<>();
    counts.forEach((name, n) -> perHour.put(name, hours > 0 ? n / hours : null));
    fields.put("events_per_hour", perHour);
  }

  /** A few lines for a terminal; figures that do not apply to the run (averages of no episodes) are left out. */
  public String toText() {
    return String.format(Locale.ROOT,
        "%s: %s after %d ticks, %d episodes (%s%s)%n",
        fields.get("profile"), fields.get("stop_reason"), fields.get("ticks"), fields.get("episodes"), fields.get("mode"),
        fields.containsKey("platform") ? ", platform " + fields.get("platform") : "")
        + learningLines()
        + String.format(Locale.ROOT,
        "  loop lateness p50 %.1f us, p99 %.1f us, max %.1f us; tick work p99 %.1f us; overruns %d%n"
            + "  faults %d, events %d (dropped %d), allocation %s bytes/tick, %.0f ticks/s%n",
        fields.get("loop_p50_us"), fields.get("loop_p99_us"), fields.get("loop_max_us"), fields.get("tick_p99_us"),
        fields.get("overruns"), fields.get("faults"), fields.get("events"), fields.get("events_dropped"),
        fields.get("alloc_bytes_per_tick") == null ? "n/a" : String.format(Locale.ROOT, "%.3f", fields.get("alloc_bytes_per_tick")),
        fields.get("ticks_per_second") == null ? 0.0 : fields.get("ticks_per_second"))
        + lastFaultLine() + safeStopLine();
  }

  private String learningLines() {
    StringBuilder b = new StringBuilder();
    boolean episodic = ((Number) fields.get("episodes")).longValue() > 0;
    if (episodic) {
      b.append(String.format(Locale.ROOT, "  moving average %s (best %s), solved: %s%n", figure(fields.get("final_ma100")),
          figure(fields.get("best_ma100")), fields.get("solved")));
    } else if (fields.get("reward_per_1k_ticks") instanceof Double rate && Double.isFinite(rate)) {
      b.append(String.format(Locale.ROOT, "  reward per 1,000 ticks: %.2f over the run, %.2f in the first %.0f%%, %.2f in the last%n",
          rate, (Double) fields.get("reward_rate_first_window"), 100 * RATE_WINDOW_FRACTION,
          (Double) fields.get("reward_rate_last_window")));
    }
    if (fields.get("events_per_hour") instanceof Map<?, ?> perHour && !perHour.isEmpty()) {
      b.append("  events per hour of loop time:");
      perHour.forEach((name, n) -> b.append(' ').append(name).append(' ').append(figure(n)));
      b.append(System.lineSeparator());
    }
    return b.toString();
  }

  /** A number with one decimal, or "n/a" for none (a moving average before the window filled). */
  private static String figure(Object v) {
    if (v instanceof Double d) {
      return Double.isFinite(d) ? String.format(Locale.ROOT, "%.1f", d) : "n/a";
    }
    return v == null ? "n/a" : v.toString();
  }

  private String lastFaultLine() {
    if (!(fields.get("last_fault") instanceof Map<?, ?> f)) {
      return "";
    }
    return String.format(Locale.ROOT, "  last fault: %s in phase %s%s at tick %s%s%n", f.get("kind"), f.get("phase"),
        f.get("channel") == null ? "" : " on channel " + f.get("channel"), f.get("tick"),
        f.get("cause") == null ? "" : " (" + f.get("cause") + ")");
  }

  private String safeStopLine() {
    if (!(fields.get("safe_stop") instanceof Boolean safe)) {
      return "";
    }
    return safe ? "  actuators left at their safe values\n" : "  ACTUATORS DID NOT CONFIRM THEIR SAFE VALUES\n";
  }
}
