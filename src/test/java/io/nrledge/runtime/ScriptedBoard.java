package io.nrledge.runtime;

import io.nrledge.io.ManualNanoClock;
import io.nrledge.io.ActuatorOutput;
import io.nrledge.io.Board;
import io.nrledge.io.EpisodeReset;
import io.nrledge.io.EventSource;
import io.nrledge.io.IoStatus;
import io.nrledge.io.SensorInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A board double on a manual clock: each sensor read records the tick's start time and spends
 * simulated time (the next entry of {@link #readCostsNs}, else {@link #readCostNs}); reads return
 * {@link #status} and {@link #value} on every channel; writes and safe writes are recorded. Each
 * call throws the matching {@code …Throws} exception when one is set, as a broken driver would.
 */
final class ScriptedBoard implements Board, EpisodeReset {
  final ManualNanoClock clock;
  final List<Long> readTimesNs = new ArrayList<>();
  final List<double[]> writes = new ArrayList<>();
  final java.util.ArrayDeque<Long> readCostsNs = new java.util.ArrayDeque<>();
  long readCostNs;
  IoStatus status = IoStatus.OK;
  IoStatus writeStatus = IoStatus.OK;
  IoStatus safeStatus = IoStatus.OK;
  int failedChannel = -1;
  RuntimeException readThrows;
  Error readError;
  RuntimeException writeThrows;
  RuntimeException safeThrows;
  RuntimeException resetThrows;
  double value = 0.5;
  int safeWrites;
  int resets;
  private final int sensorChannels;
  private final int actuatorChannels;

  ScriptedBoard(ManualNanoClock clock, int sensorChannels, int actuatorChannels) {
    this.clock = clock;
    this.sensorChannels = sensorChannels;
    this.actuatorChannels = actuatorChannels;
  }

  @Override public String name() { return "scripted"; }
  @Override public List<EventSource> eventSources() { return List.of(); }
  @Override public Optional<EpisodeReset> episodeReset() { return Optional.of(this); }
  @Override public void resetEpisode() {
    resets++;
    if (resetThrows != null) {
      throw resetThrows;
    }
  }

  @Override
  public SensorInput sensors() {
    return new SensorInput() {
      @Override public String name() { return "scripted-sensors"; }
      @Override public int channels() { return sensorChannels; }
      @Override public IoStatus read(double[] out) {
        readTimesNs.add(clock.nanoTime());
        clock.advance(readCostsNs.isEmpty() ? readCostNs : readCostsNs.poll());
        if (readThrows != null) {
          throw readThrows;
        }
        if (readError != null) {
          throw readError;
        }
        java.util.Arrays.fill(out, value);
        return status;
      }
      @Override public int failedChannel() { return failedChannel; }
    };
  }

  @Override
  public ActuatorOutput actuators() {
    return new ActuatorOutput() {
      @Override public String name() { return "scripted-actuators"; }
      @Override public int channels() { return actuatorChannels; }
      @Override public IoStatus write(double[] commands) {
        if (writeThrows != null) {
          throw writeThrows;
        }
        writes.add(commands.clone());
        return writeStatus;
      }
      @Override public IoStatus writeSafe() {
        safeWrites++;
        if (safeThrows != null) {
          throw safeThrows;
        }
        return safeStatus;
      }
      @Override public int failedChannel() { return failedChannel; }
    };
  }
}
