package io.nrledge.runtime;

import io.nrledge.io.NanoClock;
import io.nrledge.io.ActuatorOutput;
import io.nrledge.io.Board;
import io.nrledge.io.EpisodeReset;
import io.nrledge.io.EventKind;
import io.nrledge.io.IoStatus;
import io.nrledge.io.SensorInput;
import io.nrledge.learner.Learner;
import io.nrledge.learner.Stateful;
import io.nrledge.telemetry.EpisodeStats;
import io.nrledge.telemetry.LoopCounter;
import io.nrledge.telemetry.LoopTelemetry;
import io.nrledge.telemetry.RewardWindows;
import io.nrledge.telemetry.RunRecorder;
import java.nio.ByteBuffer;

/**
 * The fixed-period control loop: one thread, absolute deadlines ({@code next += period}); a tick
 * that ends after the next deadline skips the missed periods (counted) instead of bursting.
 *
 * <p>Each tick runs fixed phases, each timed into {@link LoopTelemetry}: read sensors → build the
 * observation → learner step (train) or clean policy (eval) → map the action to commands → write
 * actuators → rewards and episode bookkeeping, which drains the {@link EventRing} and credits each
 * reward to the tick at which it happened. The {@link Watchdog} moves the rig to safe state.
 *
 * <p>Every call into a device or the learner runs inside an exception boundary: a throw becomes a
 * fault of its kind with the offending channel, never a dead control thread. However the loop
 * ends, it writes the actuators' safe values from this thread before {@link #run()} returns.
 *
 * <p>After construction nothing here allocates, locks, logs or does I/O beyond the devices' own
 * read and write; everything observable is published through counters for other threads, and,
 * when the telemetry has a {@link RunRecorder}, one fixed-size record per tick, episode end and
 * fault into its rings (a full ring drops the record; the loop never waits).
 */
public final class ControlLoop implements Stateful {
  private static final int MIN_TICK_HISTORY = 64;
  private static final EventRing.Handler DISCARD = (kind, value, timestampNs) -> {};

  private final LoopSettings settings;
  private final NanoClock clock;
  private final IdleStrategy idle;
  private final NanoClock stopwatch;
  private final SensorInput sensors;
  private final ActuatorOutput actuators;
  private final EpisodeReset episodeReset;
  private final Learner learner;
  private final ObservationMap observationMap;
  private final ActionMap actionMap;
  private final EventRing events;
  private final LoopTelemetry telemetry;
  private final EpisodeStats episodeStats;
  private final RewardWindows rewardWindows;
  /** Per-tick records for the telemetry file; null when nothing records them. */
  private final RunRecorder recorder;
  private final Watchdog watchdog;
  private final boolean train;
  private final Controller controller;
  private final int actionCount;

  private final double[] raw;
  private final double[] observation;
  private final double[] commands;
  private final long[] tickStartNs;
  private final int tickMask;
  private final int maxStepsAgo;
  private final EventRing.Handler creditor = this::onEvent;

  private volatile StopReason stopRequested;
  private volatile boolean safeAtExit;
  private long tick = -1;
  private long ticksSinceResume;
  private long tickNowNs;
  private long tickLatenessNs;
  private double tickReward;
  private int tickAction;
  private double episodeReturn;
  private int episodeTicks;
  private boolean terminal;
  private boolean truncated;
  private boolean resetPending;
  private long slowestPhaseNs;
  private int slowestPhase;
  private Throwable thrown;
  private boolean episodeEndedThisTick;
  /** Set when a resumed loop continues on a restored virtual clock: its first deadline. */
  private boolean resumedOnClock;
  private long resumeDeadlineNs;
  private StateCapture capture;

  /** Wires a loop in train or eval mode. Not real-time safe. */
  public ControlLoop(LoopSettings settings, NanoClock clock, IdleStrategy idle, NanoClock stopwatch, Board board,
      Learner learner, ObservationMap observationMap, ActionMap actionMap, EventRing events, LoopTelemetry telemetry) {
    this(settings, clock, idle, stopwatch, board, learner, null, observationMap, actionMap, events, telemetry);
  }

  /**
   * Wires the loop; checks that the devices, maps and learner agree on sizes. {@code controller}
   * chooses the actions in {@link Mode#RANDOM} and {@link Mode#REFERENCE} (null otherwise); the
   * learner then only sizes the loop. Not real-time safe.
   */
  public ControlLoop(LoopSettings settings, NanoClock clock, IdleStrategy idle, NanoClock stopwatch, Board board,
      Learner learner, Controller controller, ObservationMap observationMap, ActionMap actionMap, EventRing events,
      LoopTelemetry telemetry) {
    boolean fixedPolicy = settings.mode() == Mode.RANDOM || settings.mode() == Mode.REFERENCE;
    if (fixedPolicy != (controller != null)) {
      throw new IllegalArgumentException("a controller is needed in random and reference mode, and only there");
    }
    this.controller = controller;
    this.actionCount = actionMap.actions();
    this.settings = settings;
    this.clock = clock;
    this.idle = idle;
    this.stopwatch = stopwatch;
    this.sensors = board.sensors();
    this.actuators = board.actuators();
    this.episodeReset = board.episodeReset().orElse(null);
    this.learner = learner;
    this.observationMap = observationMap;
    this.actionMap = actionMap;
    this.events = events;
    this.telemetry = telemetry;
    this.episodeStats = telemetry.episodes();
    this.rewardWindows = telemetry.rewardWindows();
    this.recorder = telemetry.recorder();
    if (recorder != null && recorder.observationChannels() != sensors.channels()) {
      throw new IllegalArgumentException("the recorder takes " + recorder.observationChannels()
          + " observation channels, the sensors give " + sensors.channels());
    }
    this.watchdog = new Watchdog(settings.maxConsecutiveOverruns(), settings.recoverAfterTicks());
    this.train = settings.mode() == Mode.TRAIN;
    requireSize("sensor channels", sensors.channels(), "observation channels", observationMap.channels());
    requireSize("observation channels", observationMap.channels(), "learner inputs", learner.observationSize());
    requireSize("action table rows", actionMap.actions(), "learner actions", learner.actionCount());
    requireSize("action table columns", actionMap.channels(), "actuator channels", actuators.channels());
    this.raw = new double[sensors.channels()];
    this.observation = new double[sensors.channels()];
    this.commands = new double[actuators.channels()];
    int history = Integer.highestOneBit(Math.max(MIN_TICK_HISTORY, learner.maxRewardDelaySteps() + 2) - 1) << 1;
    this.tickStartNs = new long[history];
    this.tickMask = history - 1;
    this.maxStepsAgo = Math.min(learner.maxRewardDelaySteps(), history - 1);
    // Initialise StopReason now: its class initialisation allocates, and would otherwise run on the
    // control thread inside the measured allocation window, when the loop returns its first reason.
    StopReason.values();
  }

  /**
   * The loop's own state, which a resumed run continues from: tick counters, the episode in
   * progress (return, ticks, end flags, pending reset), the tick-start times that late rewards
   * are matched against, the last commands (slew limits start from them), and the episode statistics and reward windows that budgets, the
   * solved test and the summary read. Layout in that order.
   */
  @Override
  public int stateBytes() {
    return 8 + 8 + 8 + 4 + 4 + 8 * tickStartNs.length + actionMap.stateBytes() + episodeStats.stateBytes()
        + rewardWindows.stateBytes();
  }

  /** Control thread, at a tick end (or after {@link #run()} returned). Real-time safe. */
  @Override
  public void saveState(ByteBuffer out) {
    out.putLong(tick).putLong(ticksSinceResume).putDouble(episodeReturn).putInt(episodeTicks);
    out.putInt((terminal ? 1 : 0) | (truncated ? 2 : 0) | (resetPending ? 4 : 0));
    for (long t : tickStartNs) {
      out.putLong(t);
    }
    actionMap.saveState(out);
    episodeStats.saveState(out);
    rewardWindows.saveState(out);
  }

  /** Before {@link #run()}. Not real-time safe. */
  @Override
  public void loadState(ByteBuffer in) {
    long t = in.getLong();
    long sinceResume = in.getLong();
    double ret = in.getDouble();
    int epTicks = in.getInt();
    int flags = in.getInt();
    if (t < -1 || sinceResume < 0 || epTicks < 0 || (flags & ~7) != 0) {
      throw new IllegalArgumentException("loop state: tick " + t + ", episode ticks " + epTicks + ", flags " + flags);
    }
    tick = t;
    ticksSinceResume = sinceResume;
    episodeReturn = ret;
    episodeTicks = epTicks;
    terminal = (flags & 1) != 0;
    truncated = (flags & 2) != 0;
    resetPending = (flags & 4) != 0;
    for (int i = 0; i < tickStartNs.length; i++) {
      tickStartNs[i] = in.getLong();
    }
    actionMap.loadState(in);
    episodeStats.loadState(in);
    rewardWindows.loadState(in);
  }

  /**
   * After {@link #loadState} on a restored virtual clock whose last tick started at
   * {@code lastTickStartNs}: the first tick of this run starts one period later, as it would have
   * without the interruption. Not real-time safe.
   */
  public void continueOnClock(long lastTickStartNs) {
    resumedOnClock = tick >= 0;
    resumeDeadlineNs = lastTickStartNs + settings.periodNs();
  }

  /**
   * After {@link #loadState} on a clock other than the one the times were taken on: rewards
   * reported by events are credited no further back than the first tick of this run.
   */
  public void forgetTickTimes() {
    ticksSinceResume = 0;
  }

  private static void requireSize(String what, int n, String other, int m) {
    if (n != m) {
      throw new IllegalArgumentException(what + " (" + n + ") must equal " + other + " (" + m + ")");
    }
  }

  /** Asks the loop to stop after the current tick. Any thread. */
  public void requestStop() {
    requestStop(StopReason.STOPPED);
  }

  /** Asks the loop to stop after the current tick, giving the reason {@link #run()} will return. Any thread. */
  public void requestStop(StopReason why) {
    stopRequested = why;
  }

  /**
   * After {@link #run()} returned (or threw): true when the final safe write succeeded on every
   * actuator channel. Any thread.
   */
  public boolean safeAtExit() {
    return safeAtExit;
  }

  /**
   * Takes checkpoints of the loop's state at tick ends (see {@link StateCapture}); null for none.
   * Before {@link #run()}. Not real-time safe.
   */
  public void captureStateWith(StateCapture capture) {
    this.capture = capture;
  }

  /** Ticks run so far. Control thread only (others read {@link LoopCounter#TICKS}). */
  public long ticks() {
    return tick + 1;
  }

  /**
   * Runs on the calling thread until a budget is spent, the task is solved, a stop is requested
   * or a fault latches, then drives the actuators safe, even when something threw. The calling
   * thread becomes the control thread. Real-time safe once it is running: allocates nothing per
   * tick.
   */
  public StopReason run() {
    try {
      return loop();
    } finally {
      safeAtExit = writeSafe();
    }
  }

  private StopReason loop() {
    final long periodNs = settings.periodNs();
    final long startWallNs = stopwatch.nanoTime();
    long deadline = resumedOnClock ? resumeDeadlineNs : clock.nanoTime();
    long skipped = 0;
    long ran = 0; // this run's ticks: a resumed loop's tick count starts where its checkpoint was
    long allocStart = settings.warmupTicks() == 0 ? AllocationMeter.currentThreadAllocatedBytes() : -1;
    StopReason reason;
    while ((reason = stopReason(startWallNs)) == null) {
      final long now = idle.awaitDeadline(deadline);
      tickLatenessNs = now - deadline;
      telemetry.lateness(tickLatenessNs, skipped, periodNs);
      tick(now);
      deadline += periodNs;
      final long end = clock.nanoTime();
      final boolean overran = end - deadline > 0;
      skipped = 0;
      if (overran) {
        skipped = (end - deadline) / periodNs + 1;
        deadline += skipped * periodNs;
        telemetry.increment(LoopCounter.OVERRUNS);
        telemetry.add(LoopCounter.SKIPPED_PERIODS, skipped);
      }
      if (watchdog.tickEnded(overran)) {
        fault(FaultKind.OVERRUNS, slowestPhase, -1);
      }
      if (++ran == settings.warmupTicks()) {
        allocStart = AllocationMeter.currentThreadAllocatedBytes();
      }
    }
    if (allocStart >= 0 && ran > settings.warmupTicks()) {
      telemetry.add(LoopCounter.ALLOC_BYTES, AllocationMeter.currentThreadAllocatedBytes() - allocStart);
      telemetry.add(LoopCounter.ALLOC_TICKS, ran - settings.warmupTicks());
    }
    return reason;
  }

  private StopReason stopReason(long startWallNs) {
    if (watchdog.latched()) {
      return StopReason.LATCHED_FAULT;
    }
    final StopReason requested = stopRequested;
    if (requested != null) {
      return requested;
    }
    if (settings.maxTicks() > 0 && ticks() >= settings.maxTicks()) {
      return StopReason.TICK_BUDGET;
    }
    if (episodeStats.windowFull() && episodeStats.movingAverage() >= settings.solvedAverage()) {
      return StopReason.SOLVED;
    }
    if (settings.maxEpisodes() > 0 && episodeStats.episodes() >= settings.maxEpisodes()) {
      return StopReason.EPISODE_BUDGET;
    }
    if (settings.maxDurationNs() > 0 && stopwatch.nanoTime() - startWallNs >= settings.maxDurationNs()) {
      return StopReason.DURATION;
    }
    return null;
  }

  /**
   * One tick started at {@code nowNs} on the loop clock, without waiting: the phases, the
   * watchdog checks and the bookkeeping. Real-time safe.
   */
  public void tick(long nowNs) {
    tick++;
    ticksSinceResume++;
    tickNowNs = nowNs;
    tickReward = 0;
    tickAction = -1;
    tickStartNs[(int) tick & tickMask] = nowNs;
    slowestPhaseNs = -1;
    thrown = null;
    episodeEndedThisTick = false;
    final long t0 = stopwatch.nanoTime();

    final IoStatus read = readSensors();
    final long t1 = phaseEnded(TickPhase.READ, t0);
    if (read != IoStatus.OK) {
      fault(read == IoStatus.TIMEOUT ? FaultKind.SENSOR_TIMEOUT : FaultKind.SENSOR_FAILED, TickPhase.READ.ordinal(),
          sensors.failedChannel());
      safeTick(t0);
      return;
    }
    final boolean valid = observationMap.map(raw, observation);
    final long t2 = phaseEnded(TickPhase.OBSERVE, t1);
    if (!valid) {
      fault(FaultKind.BAD_OBSERVATION, TickPhase.OBSERVE.ordinal(), observationMap.badChannel());
      safeTick(t0);
      return;
    }
    if (watchdog.safe()) {
      if (!watchdog.healthyTick() || !recover()) {
        safeTick(t0);
        return;
      }
    }

    final int action = chooseAction();
    final long t3 = phaseEnded(TickPhase.LEARN, t2);
    if (action < 0 || action >= actionCount) {
      fault(FaultKind.LEARNER_FAILED, TickPhase.LEARN.ordinal(), -1);
      safeTick(t0);
      return;
    }
    tickAction = action;
    actionMap.map(action, commands);
    final long t4 = phaseEnded(TickPhase.ACTION, t3);
    final IoStatus written = writeActuators();
    final long t5 = phaseEnded(TickPhase.WRITE, t4);
    if (written != IoStatus.OK) {
      fault(FaultKind.ACTUATOR_FAILED, TickPhase.WRITE.ordinal(), actuators.failedChannel());
      safeTick(t0);
      return;
    }

    if (!bookkeeping()) {
      fault(FaultKind.LEARNER_FAILED, TickPhase.REWARD.ordinal(), -1);
    } else if (train && !learner.weightsFinite()) {
      fault(FaultKind.NON_FINITE_WEIGHTS, TickPhase.REWARD.ordinal(), -1);
    }
    final long t6 = phaseEnded(TickPhase.REWARD, t5);
    tickEnded(t0, t6);
    if (capture != null && !watchdog.safe()) {
      capture.tickEnded(episodeEndedThisTick);
    }
  }

  // The exception boundary: a device or learner that throws becomes a failed status. A
  // VirtualMachineError (out of memory, stack overflow) is not the device's fault: threw()
  // rethrows it, and run() still writes the safe values on its way out.

  private IoStatus readSensors() {
    try {
      return sensors.read(raw);
    } catch (Throwable t) {
      threw(t);
      return IoStatus.FAILED;
    }
  }

  private IoStatus writeActuators() {
    try {
      return actuators.write(commands);
    } catch (Throwable t) {
      threw(t);
      return IoStatus.FAILED;
    }
  }

  /** Drives every actuator safe; false (and counted) when the device refused or threw. Real-time safe. */
  private boolean writeSafe() {
    IoStatus status;
    try {
      status = actuators.writeSafe();
    } catch (Throwable t) {
      threw(t);
      status = IoStatus.FAILED;
    }
    if (status != IoStatus.OK) {
      telemetry.increment(LoopCounter.SAFE_WRITE_FAILURES);
      return false;
    }
    return true;
  }

  /** Records what a guarded call threw; rethrows a {@link VirtualMachineError}, which is not the callee's fault. */
  private void threw(Throwable t) {
    if (t instanceof VirtualMachineError error) {
      throw error;
    }
    thrown = t;
    telemetry.deviceThrew();
  }

  /** The learner's action for this tick, or −1 when it threw. */
  private int chooseAction() {
    try {
      if (controller != null) {
        return controller.act(observation, raw);
      }
      return train ? learner.step(observation) : learner.act(observation);
    } catch (Throwable t) {
      threw(t);
      return -1;
    }
  }

  private long phaseEnded(TickPhase phase, long startNs) {
    final long end = stopwatch.nanoTime();
    final long ns = end - startNs;
    telemetry.phaseTime(phase.ordinal(), ns);
    if (ns > slowestPhaseNs) {
      slowestPhaseNs = ns;
      slowestPhase = phase.ordinal();
    }
    return end;
  }

  private void tickEnded(long t0, long endNs) {
    rewardWindows.tickEnded();
    if (recorder != null) {
      recorder.tick(tick, tickNowNs, tickLatenessNs, tickAction, tickReward, learner.lastRpe(), observation);
    }
    telemetry.tickWork(tick, endNs - t0);
    telemetry.increment(LoopCounter.TICKS);
  }

  /** Rewards and episode ends; false when the learner threw while taking them. */
  private boolean bookkeeping() {
    try {
      if (!Double.isNaN(settings.perTickReward())) {
        credit(settings.perTickReward(), 0);
      }
      final int drained = events.drain(creditor);
      if (drained > 0) {
        telemetry.add(LoopCounter.EVENTS, drained);
      }
      episodeTicks++;
      final int limit = settings.timeLimitTicks();
      if (terminal || truncated || (limit > 0 && episodeTicks >= limit)) {
        endEpisode();
      }
      return true;
    } catch (Throwable t) {
      threw(t);
      return false;
    }
  }

  /** Control thread, during the drain: credits or flags one device event. Real-time safe. */
  private void onEvent(EventKind kind, double value, long timestampNs) {
    telemetry.eventLatency(tickNowNs - timestampNs);
    switch (kind) {
      case REWARD -> credit(value, stepsAgo(timestampNs));
      case TERMINAL -> {
        double r = value + settings.terminalReward();
        if (r != 0) {
          credit(r, 0);
        }
        terminal = true;
      }
      case TRUNCATED -> truncated = true;
    }
  }

  /** How many ticks before the current one the event at {@code timestampNs} happened. */
  private int stepsAgo(long timestampNs) {
    final long limit = Math.min(maxStepsAgo, ticksSinceResume - 1);
    int steps = 0;
    while (steps < limit && tickStartNs[(int) (tick - steps) & tickMask] - timestampNs > 0) {
      steps++;
    }
    return steps;
  }

  private void credit(double reward, int stepsAgo) {
    episodeReturn += reward;
    tickReward += reward;
    episodeStats.rewardCredited(reward);
    rewardWindows.credit(reward);
    if (train) {
      learner.reward(reward, stepsAgo);
    }
  }

  private void endEpisode() {
    if (train) {
      learner.endEpisode();
    }
    episodeStats.episodeEnded(episodeReturn);
    episodeEndedThisTick = true;
    if (recorder != null) {
      recorder.episode(tick, tickNowNs, episodeStats.episodes(), episodeTicks, episodeReturn,
          episodeStats.movingAverage());
    }
    startEpisode();
  }

  private void startEpisode() {
    episodeReturn = 0;
    episodeTicks = 0;
    terminal = false;
    truncated = false;
    resetPending = episodeReset != null && !resetPlant();
    if (resetPending) {
      fault(FaultKind.RESET_FAILED, TickPhase.REWARD.ordinal(), -1);
    }
  }

  private boolean resetPlant() {
    try {
      episodeReset.resetEpisode();
      return true;
    } catch (Throwable t) {
      threw(t);
      return false;
    }
  }

  /**
   * Records a fault on entering safe state, with the offending channel (−1: unknown or none); in
   * safe state a new fault only restarts the recovery count.
   */
  private void fault(FaultKind kind, int phase, int channel) {
    if (!watchdog.safe()) {
      telemetry.fault(kind.ordinal(), phase, channel, tick, thrown);
      if (recorder != null) {
        recorder.fault(tick, tickNowNs, kind.ordinal(), phase, channel);
      }
      writeSafe();
      actionMap.resetToSafe();
    }
    watchdog.trip(kind);
  }

  /** A tick in safe state: actuators held safe, learner frozen, events drained but not credited. */
  private void safeTick(long t0) {
    writeSafe();
    final int discarded = events.drain(DISCARD);
    if (discarded > 0) {
      telemetry.add(LoopCounter.EVENTS_DISCARDED, discarded);
    }
    telemetry.increment(LoopCounter.SAFE_TICKS);
    tickEnded(t0, stopwatch.nanoTime());
  }

  /**
   * Leaves safe state. The interrupted episode is discarded (no update from its partial return)
   * and not counted in the statistics; a new episode starts from a reset (also when the last
   * reset failed). False when that failed
   * and the rig is safe again.
   */
  private boolean recover() {
    watchdog.recovered();
    telemetry.increment(LoopCounter.RECOVERIES);
    ticksSinceResume = 1;
    actionMap.resetToSafe();
    if (episodeTicks > 0 || resetPending) {
      if (train && !discardEpisode()) {
        fault(FaultKind.LEARNER_FAILED, TickPhase.LEARN.ordinal(), -1);
        return false;
      }
      startEpisode();
    }
    return !watchdog.safe();
  }

  private boolean discardEpisode() {
    try {
      learner.discardEpisode();
      return true;
    } catch (Throwable t) {
      threw(t);
      return false;
    }
  }
}
