package io.nrledge.io;

import java.util.List;
import java.util.Optional;

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

  /** Configures and activates every device, sensors first. Not real-time safe. */
  default void start(EventSink sink) {
    sensors().configure();
    actuators().configure();
    for (EventSource s : eventSources()) {
      s.connect(sink);
      s.configure();
    }
    sensors().activate();
    actuators().activate();
    for (EventSource s : eventSources()) {
      s.activate();
    }
  }

  /** Deactivates every device, actuators first so the plant is left safe. Not real-time safe. */
  default void stop() {
    actuators().writeSafe();
    actuators().deactivate();
    for (EventSource s : eventSources()) {
      s.deactivate();
    }
    sensors().deactivate();
  }
}
