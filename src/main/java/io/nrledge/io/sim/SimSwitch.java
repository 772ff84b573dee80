package io.nrledge.io.sim;

import io.nrledge.io.EventKind;
import io.nrledge.io.EventSink;
import io.nrledge.io.EventSource;
import io.nrledge.io.NanoClock;

/**
 * A simulated switch (limit switch, bumper, beacon) that its plant presses from whichever thread
 * steps the plant; each press posts one event stamped with the loop clock, as a GPIO edge would.
 * Never blocks or allocates when pressed.
 */
public final class SimSwitch implements EventSource {
  private final String name;
  private final NanoClock clock;
  private EventSink sink;
  private boolean active;

  public SimSwitch(String name, NanoClock clock) {
    this.name = name;
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void connect(EventSink sink) {
    this.sink = sink;
  }

  @Override
  public void activate() {
    if (sink == null) {
      throw new IllegalStateException(name + ": connect an event sink before activating");
    }
    active = true;
  }

  @Override
  public void deactivate() {
    active = false;
  }

  /** The plant pressed the switch: posts {@code (kind, value)} now. Real-time safe. */
  public void press(EventKind kind, double value) {
    if (active) {
      sink.post(kind, value, clock.nanoTime());
    }
  }
}
