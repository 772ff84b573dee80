package io.nrledge.io.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeEvent;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import io.nrledge.profiles.Hardware;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Edges counted on GPIO: a pulse counter (every chosen edge on {@code pin} counts one) or a
 * quadrature encoder (each chosen edge on A counts +1 when A and B then differ, −1 when they
 * agree). Pi4J's listener thread increments an atomic; the control thread reads the count, or
 * the count's rate per second since its previous read, without allocating. One channel.
 */
final class EdgeCounter implements SensorPart, DigitalStateChangeListener {
  private final Hardware.Counter spec;
  private final AtomicLong count = new AtomicLong();
  private DigitalInput a;
  private DigitalInput b;
  private long lastCount;
  private long lastReadNs;
  private boolean read;

  EdgeCounter(Hardware.Counter spec) {
    this.spec = spec;
  }

  @Override
  public String key() {
    return spec.key();
  }

  @Override
  public int channels() {
    return 1;
  }

  @Override
  public void open(Pi4jPlatform platform) {
    a = Pins.input(platform, spec.key(), spec.pin(), spec.pull());
    if (spec.pinB() >= 0) {
      b = Pins.input(platform, spec.key() + " B", spec.pinB(), spec.pull());
    }
    a.addListener(this);
  }

  void close() {
    if (a != null) {
      a.removeListener(this);
    }
  }

  /** Pi4J's listener thread (on the mock: the thread that set the state). */
  @Override
  public void onDigitalStateChange(@SuppressWarnings("rawtypes") DigitalStateChangeEvent event) {
    boolean high = event.state() == DigitalState.HIGH;
    boolean chosen = switch (spec.edge()) {
      case RISING -> high;
      case FALLING -> !high;
      case BOTH -> true;
    };
    if (!chosen) {
      return;
    }
    if (b == null) {
      count.incrementAndGet();
    } else {
      boolean bHigh = b.state() == DigitalState.HIGH;
      count.addAndGet(high != bHigh ? 1 : -1);
    }
  }

  /** The running count, or counts per second since the previous call (0 on the first). Real-time safe. */
  double value(long nowNs) {
    long c = count.get();
    if (!spec.rate()) {
      return c;
    }
    double rate = read && nowNs != lastReadNs ? (c - lastCount) * 1e9 / (nowNs - lastReadNs) : 0.0;
    lastCount = c;
    lastReadNs = nowNs;
    read = true;
    return rate;
  }
}
