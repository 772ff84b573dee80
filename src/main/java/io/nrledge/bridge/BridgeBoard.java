package io.nrledge.bridge;

import io.nrledge.io.ActuatorOutput;
import io.nrledge.io.Board;
import io.nrledge.io.EpisodeReset;
import io.nrledge.io.EventSink;
import io.nrledge.io.EventSource;
import io.nrledge.io.IoStatus;
import io.nrledge.io.SensorInput;
import java.util.List;
import java.util.Optional;

/**
 * A microcontroller behind the bridge protocol as the control loop sees it: its sensor samples,
 * its actuators (commands sent as ACTUATOR_COMMAND, the safe state as the SAFE flag), its edge
 * events and, when its plant can restart, episode resets. Reads and writes touch only the
 * {@link BridgeLink}'s preallocated state: they never block, throw or allocate. Configuring the
 * sensors connects the link; deactivating them (last, when the board stops) closes it.
 */
public final class BridgeBoard implements Board, EpisodeReset {
  private final BridgeLink link;
  private final boolean episodic;
  private final Sensors sensors = new Sensors();
  private final Actuators actuators = new Actuators();
  private final Events events = new Events();
  private final List<EventSource> eventSources = List.of(events);

  /** {@code episodic}: the MCU's plant restarts on RESET_EPISODE (the simulated track). Not real-time safe. */
  public BridgeBoard(BridgeLink link, boolean episodic) {
    this(link, episodic, EventMapping.NONE);
  }

  /** {@code events}: what EVENT frames mean per input channel (the profile's microcontroller events). Not real-time safe. */
  public BridgeBoard(BridgeLink link, boolean episodic, EventMapping events) {
    this.link = link;
    this.episodic = episodic;
    link.mapEvents(events);
  }

  public BridgeLink link() {
    return link;
  }

  @Override
  public String name() {
    return "bridge:" + link.settings().port();
  }

  @Override
  public SensorInput sensors() {
    return sensors;
  }

  @Override
  public ActuatorOutput actuators() {
    return actuators;
  }

  @Override
  public List<EventSource> eventSources() {
    return eventSources;
  }

  @Override
  public Optional<EpisodeReset> episodeReset() {
    return episodic ? Optional.of(this) : Optional.empty();
  }

  @Override
  public void resetEpisode() {
    link.sendReset();
  }

  private final class Sensors implements SensorInput {
    @Override
    public String name() {
      return "bridge-sensors";
    }

    @Override
    public int channels() {
      return link.settings().sensors();
    }

    @Override
    public void configure() {
      link.connect();
    }

    @Override
    public void activate() {
      if (episodic) {
        link.sendReset(); // the plant may have run (and ended) before the loop started
      }
    }

    @Override
    public void deactivate() {
      link.close();
    }

    @Override
    public IoStatus read(double[] out) {
      return link.readSample(out);
    }
  }

  private final class Actuators implements ActuatorOutput {
    @Override
    public String name() {
      return "bridge-actuators";
    }

    @Override
    public int channels() {
      return link.settings().actuators();
    }

    @Override
    public IoStatus write(double[] commands) {
      return link.sendCommand(commands, false);
    }

    @Override
    public IoStatus writeSafe() {
      link.sendCommand(null, true);
      return IoStatus.OK;
    }
  }

  private final class Events implements EventSource {
    @Override
    public String name() {
      return "bridge-events";
    }

    @Override
    public void connect(EventSink sink) {
      link.connectSink(sink);
    }

    @Override
    public void activate() {
      link.eventsActive(true);
    }

    @Override
    public void deactivate() {
      link.eventsActive(false);
    }
  }
}
