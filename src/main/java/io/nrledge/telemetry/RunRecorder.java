package io.nrledge.telemetry;

/**
 * What the control thread records for the telemetry file, as fixed-size records in two rings: one
 * record per tick (tick, time, lateness, action, reward credited in the tick, the learner's RPE,
 * the observation) in a large ring, and the rare episode and fault records in a ring of their own,
 * so a burst of ticks cannot drop an episode end. The {@link TelemetryWriter} drains both. Field
 * layouts live here and nowhere else; the methods called per tick never allocate, lock or wait.
 */
public final class RunRecorder {
  /** Record kinds (field {@link #KIND}). */
  public static final long TICK = 1;
  public static final long EPISODE = 2;
  public static final long FAULT = 3;

  // field 0 is RecordRing.DROPS_BEFORE
  public static final int KIND = 1;
  public static final int TICK_NO = 2;
  public static final int TIME_NS = 3;
  /** Tick: lateness ns; episode: episode number (1-based); fault: fault kind. */
  public static final int A = 4;
  /** Tick: action (−1 in safe state); episode: ticks in it; fault: phase. */
  public static final int B = 5;
  /** Tick: reward (double bits); episode: return (double bits); fault: channel (−1: none). */
  public static final int C = 6;
  /** Tick: RPE (double bits, NaN: none); episode: moving average (double bits). */
  public static final int D = 7;
  /** Tick: the first observation channel (double bits). */
  public static final int OBSERVATION = 8;

  /** Ticks kept in memory before records drop: at 1 kHz, 16 s of writer stall. */
  public static final int TICK_CAPACITY = 1 << 14;
  public static final int EVENT_CAPACITY = 1 << 12;

  private final RecordRing ticks;
  private final RecordRing events;
  private final int observationChannels;

  /** Not real-time safe. */
  public RunRecorder(int observationChannels) {
    this(observationChannels, TICK_CAPACITY, EVENT_CAPACITY);
  }

  /** Not real-time safe. */
  public RunRecorder(int observationChannels, int tickCapacity, int eventCapacity) {
    this.observationChannels = observationChannels;
    this.ticks = new RecordRing(tickCapacity, OBSERVATION + observationChannels);
    this.events = new RecordRing(eventCapacity, OBSERVATION);
  }

  public int observationChannels() {
    return observationChannels;
  }

  public RecordRing ticks() {
    return ticks;
  }

  public RecordRing events() {
    return events;
  }

  /** Records dropped in both rings. Any thread. */
  public long dropped() {
    return ticks.dropped() + events.dropped();
  }

  /** Control thread: one tick. Real-time safe. */
  public void tick(long tick, long timeNs, long latenessNs, int action, double reward, double rpe,
      double[] observation) {
    if (!ticks.claim()) {
      return;
    }
    ticks.put(KIND, TICK);
    ticks.put(TICK_NO, tick);
    ticks.put(TIME_NS, timeNs);
    ticks.put(A, latenessNs);
    ticks.put(B, action);
    ticks.putDouble(C, reward);
    ticks.putDouble(D, rpe);
    for (int i = 0; i < observationChannels; i++) {
      ticks.putDouble(OBSERVATION + i, observation[i]);
    }
    ticks.publish();
  }

  /** Control thread: episode {@code episode} (1-based) ended at {@code tick}. Real-time safe. */
  public void episode(long tick, long timeNs, long episode, int episodeTicks, double episodeReturn,
      double movingAverage) {
    if (!events.claim()) {
      return;
    }
    events.put(KIND, EPISODE);
    events.put(TICK_NO, tick);
    events.put(TIME_NS, timeNs);
    events.put(A, episode);
    events.put(B, episodeTicks);
    events.putDouble(C, episodeReturn);
    events.putDouble(D, movingAverage);
    events.publish();
  }

  /** Control thread: a fault of kind {@code kind} in {@code phase} on {@code channel}. Real-time safe. */
  public void fault(long tick, long timeNs, int kind, int phase, int channel) {
    if (!events.claim()) {
      return;
    }
    events.put(KIND, FAULT);
    events.put(TICK_NO, tick);
    events.put(TIME_NS, timeNs);
    events.put(A, kind);
    events.put(B, phase);
    events.put(C, channel);
    events.put(D, 0);
    events.publish();
  }
}
