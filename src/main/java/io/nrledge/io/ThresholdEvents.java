package io.nrledge.io;

import java.util.List;

/**
 * A {@link SensorInput} that also watches some of its own raw channels and posts an event when
 * one crosses a level, for simulated rigs and real boards alike. The crossing is checked right
 * after each successful read, on the thread that reads (the control thread), and posted stamped
 * with that read's clock reading. Never allocates, blocks or throws after construction.
 */
public final class ThresholdEvents implements SensorInput {
  private final SensorInput inner;
  private final Crossing[] crossings;
  private final NanoClock clock;

  /** Not real-time safe. */
  public ThresholdEvents(SensorInput inner, List<Crossing> crossings, NanoClock clock) {
    for (Crossing c : crossings) {
      if (c.channel < 0 || c.channel >= inner.channels()) {
        throw new IllegalArgumentException(c.name + ": channel " + c.channel + " is not one of the "
            + inner.channels() + " raw sensor channels of " + inner.name());
      }
    }
    this.inner = inner;
    this.crossings = crossings.toArray(new Crossing[0]);
    this.clock = clock;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public int channels() {
    return inner.channels();
  }

  /** Reads the inner sensors, then posts the crossings the new readings make. Real-time safe. */
  @Override
  public IoStatus read(double[] out) {
    IoStatus status = inner.read(out);
    if (status == IoStatus.OK && crossings.length > 0) {
      long nowNs = clock.nanoTime();
      for (Crossing c : crossings) {
        c.check(out[c.channel], nowNs);
      }
    }
    return status;
  }

  @Override
  public int failedChannel() {
    return inner.failedChannel();
  }

  @Override
  public void configure() {
    inner.configure();
  }

  @Override
  public void activate() {
    inner.activate();
  }

  @Override
  public void deactivate() {
    inner.deactivate();
  }

  /**
   * One watched channel: fires when the reading goes past {@code level} (upwards when
   * {@code above}, else downwards), then stays quiet until the reading has come back past
   * {@code level ∓ hysteresis}. The first reading only arms it, so a channel that starts past the
   * level does not fire until it has come back and crossed again.
   */
  public static final class Crossing implements EventSource {
    private final String name;
    private final int channel;
    private final boolean above;
    private final double level;
    private final double rearmLevel;
    private final EventKind kind;
    private final double value;
    private EventSink sink;
    private volatile boolean active;
    private boolean seen;
    private boolean armed;

    /** Not real-time safe. */
    public Crossing(String name, int channel, boolean above, double level, double hysteresis, EventKind kind,
        double value) {
      if (!(hysteresis >= 0) || !Double.isFinite(level)) {
        throw new IllegalArgumentException(name + ": level must be finite and hysteresis >= 0");
      }
      this.name = name;
      this.channel = channel;
      this.above = above;
      this.level = level;
      this.rearmLevel = above ? level - hysteresis : level + hysteresis;
      this.kind = kind;
      this.value = value;
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
      seen = false;
      active = true;
    }

    @Override
    public void deactivate() {
      active = false;
    }

    private boolean past(double x) {
      return above ? x >= level : x <= level;
    }

    private boolean back(double x) {
      return above ? x <= rearmLevel : x >= rearmLevel;
    }

    /** Real-time safe. */
    void check(double x, long nowNs) {
      if (!active || Double.isNaN(x)) {
        return;
      }
      if (!seen) {
        seen = true;
        armed = !past(x);
        return;
      }
      if (armed && past(x)) {
        armed = false;
        sink.post(kind, value, nowNs);
      } else if (!armed && back(x)) {
        armed = true;
      }
    }
  }
}
