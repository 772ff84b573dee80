package io.nrledge.runtime;

import io.nrledge.io.NanoClock;
import java.util.List;

/** The idle strategies a real-time loop can wait with, by name: the one list profiles and commands accept. */
public final class IdleStrategies {
  public static final String PARK_SPIN = "park-spin";
  public static final String SPIN = "spin";
  public static final String PARK = "park";
  /** The default: near-spin timing at a fraction of a core. */
  public static final String DEFAULT = PARK_SPIN;
  public static final List<String> NAMES = List.of(PARK_SPIN, SPIN, PARK);

  private IdleStrategies() {}

  /** Throws {@link IllegalArgumentException} ("idle: …") unless {@code name} is one of {@link #NAMES}. */
  public static void check(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("idle: must be " + String.join(", ", NAMES.subList(0, NAMES.size() - 1))
          + " or " + NAMES.get(NAMES.size() - 1) + ", got '" + name + "'");
    }
  }

  /** The strategy named {@code name}; {@code spinNs} is park-spin's spin window. Not real-time safe. */
  public static IdleStrategy create(String name, long spinNs, NanoClock clock) {
    check(name);
    return switch (name) {
      case SPIN -> new SpinIdle(clock);
      case PARK -> new ParkIdle(clock);
      default -> new ParkSpinIdle(clock, spinNs);
    };
  }
}
