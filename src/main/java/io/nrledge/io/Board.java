package io.nrledge.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One rig as the control loop sees it: its sensors, its actuators, its event sources and,
 * optionally, a way to reset episodes. Real hardware, a firmware bridge and a simulation all
 * present this same shape.
 */
public interface Board {

  String name();

  SensorInput sensors();

  ActuatorOutput actuators();

  List<EventSource> eventSources();

  Optional<EpisodeReset> episodeReset();

  /** Configures and activates every device, sensors first, every event source posting to {@code sink}. Not real-time safe. */
  default void start(EventSink sink) {
    start(source -> sink);
  }

  /** Configures and activates every device, sensors first, each event source posting to its own sink. Not real-time safe. */
  default void start(Function<EventSource, EventSink> sinkFor) {
    sensors().configure();
    actuators().configure();
    for (EventSource s : eventSources()) {
      s.connect(sinkFor.apply(s));
      s.configure();
    }
    sensors().activate();
    actuators().activate();
    for (EventSource s : eventSources()) {
      s.activate();
    }
  }

  /**
   * Drives the actuators safe, then deactivates every device, actuators first so the plant is
   * left safe. Every step runs even when an earlier one failed or threw; what went wrong is
   * returned, never thrown. Not real-time safe.
   */
  default StopReport stop() {
    List<String> problems = new ArrayList<>();
    boolean safe = false;
    try {
      IoStatus status = actuators().writeSafe();
      safe = status == IoStatus.OK;
      if (!safe) {
        problems.add(actuators().name() + ": safe write " + status.name().toLowerCase(Locale.ROOT));
      }
    } catch (RuntimeException e) {
      problems.add(actuators().name() + ": safe write threw " + e);
    }
    double[] applied = new double[actuators().channels()];
    boolean known;
    try {
      known = actuators().readBack(applied);
    } catch (RuntimeException e) {
      known = false;
    }
    List<Device> order = new ArrayList<>();
    order.add(actuators());
    order.addAll(eventSources());
    order.add(sensors());
    for (Device d : order) {
      try {
        d.deactivate();
      } catch (RuntimeException e) {
        problems.add(d.name() + ": deactivate threw " + e);
      }
    }
    return new StopReport(safe, known ? applied : null, List.copyOf(problems));
  }

  /**
   * How {@link #stop()} went: whether the final safe write succeeded, what the actuators reported
   * applied after it (null when they cannot tell), and each problem in one line.
   */
  record StopReport(boolean safe, double[] appliedAtExit, List<String> problems) {}
}
