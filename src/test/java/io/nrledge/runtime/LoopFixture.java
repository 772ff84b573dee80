package io.nrledge.runtime;

import io.nrledge.io.ManualNanoClock;
import io.nrledge.telemetry.LoopTelemetry;

/** A loop on a manual clock with a scripted board (2 sensors, 1 actuator) and a recording learner (2 actions). */
final class LoopFixture {
  static final long PERIOD_NS = 10_000_000L;

  final ManualNanoClock clock = new ManualNanoClock(0);
  final ScriptedBoard board = new ScriptedBoard(clock, 2, 1);
  final RecordingLearner learner;
  final EventRing events = new EventRing(64);
  final LoopTelemetry telemetry = new LoopTelemetry(TickPhase.labels(), FaultKind.labels(), 100);
  final ControlLoop loop;

  LoopFixture(LoopSettings settings, int maxRewardDelaySteps) {
    learner = new RecordingLearner(2, 2, maxRewardDelaySteps);
    ActionMap actions = new ActionMap(new double[][] {{-1}, {1}}, new double[] {-1}, new double[] {1},
        new double[] {Double.POSITIVE_INFINITY}, new double[] {0});
    loop = new ControlLoop(settings, clock, new VirtualTimeIdle(clock), clock, board, learner,
        ObservationMap.identity(2), actions, events, telemetry);
  }

  static LoopSettings.Builder settings() {
    return LoopSettings.builder(PERIOD_NS).warmupTicks(0);
  }

  long faults(FaultKind kind) {
    return telemetry.faultCount(kind.ordinal());
  }
}
