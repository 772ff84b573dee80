package io.nrledge.io.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import io.nrledge.io.EventKind;
import io.nrledge.io.EventSink;
import io.nrledge.io.EventSource;
import io.nrledge.profiles.Hardware;

/**
 * A reward or episode-end event on a GPIO edge. Pi4J's events carry no timestamp, so the
 * listener stamps {@code System.nanoTime()} first, ignores edges within the debounce time of
 * the last accepted one (measured on those stamps) and posts to the sink without blocking or
 * allocating. A terminal edge posts {@link EventKind#TERMINAL} carrying its reward.
 */
final class GpioEdgeSource implements EventSource, DigitalStateChangeListener {
  private final Hardware.GpioEdge spec;
  private final Pi4jPlatform platform;
  private final EventKind kind;
  private EventSink sink;
  private DigitalInput input;
  private volatile boolean active;
  private boolean accepted;
  private long lastAcceptedNs;

  GpioEdgeSource(Hardware.GpioEdge spec, Pi4jPlatform platform) {
    this.spec = spec;
    this.platform = platform;
    this.kind = spec.terminal() ? EventKind.TERMINAL : EventKind.REWARD;
  }

  @Override
  public String name() {
    return spec.key() + " (GPIO" + spec.pin() + ")";
  }

  @Override
  public void connect(EventSink sink) {
    this.sink = sink;
  }

  @Override
  public void configure() {
    if (input == null) {
      Pi4jBoard.HardwareException.open(spec.key(), () -> {
        input = Pins.input(platform, spec.key(), spec.pin(), spec.pull());
        input.addListener(this);
      });
    }
  }

  @Override
  public void activate() {
    if (sink == null) {
      throw new IllegalStateException(name() + ": connect an event sink before activating");
    }
    active = true;
  }

  @Override
  public void deactivate() {
    active = false;
  }

  /** Pi4J's listener thread (on the mock: the thread that set the state). Never blocks or allocates. */
  @Override
  public void onDigitalStateChange(@SuppressWarnings("rawtypes") DigitalStateChangeEvent event) {
    long nowNs = System.nanoTime();
    if (!active) {
      return;
    }
    boolean high = event.state() == DigitalState.HIGH;
    boolean chosen = switch (spec.edge()) {
      case RISING -> high;
      case FALLING -> !high;
      case BOTH -> true;
    };
    if (!chosen) {
      return;
    }
    synchronized (this) { // edges of one line arrive one at a time; this only orders the debounce state
      if (accepted && nowNs - lastAcceptedNs < spec.debounceNs()) {
        return;
      }
      accepted = true;
      lastAcceptedNs = nowNs;
    }
    sink.post(kind, spec.reward(), nowNs);
  }
}
