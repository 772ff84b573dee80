package io.nrledge.runtime;

import java.util.Locale;

/** What chooses the actions in the loop, and whether anything learns. */
public enum Mode {
  /** The learner's noisy probe, eligibility and updates (NRL by default). */
  TRAIN,
  /** The learner's clean policy acts; no noise, no eligibility, no updates. */
  EVAL,
  /** Uniformly random actions, no learning: the baseline to beat, and a safe way to check the wiring. */
  RANDOM,
  /** The rig's hand-written reference controller, no learning: the ceiling to measure learning against. */
  REFERENCE;

  /** The name on the command line and in profiles ("train"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named {@code label}; throws {@link IllegalArgumentException} listing the names. */
  public static Mode of(String label) {
    for (Mode m : values()) {
      if (m.label().equals(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException("must be one of " + labels() + ", got '" + label + "'");
  }

  /** "train, eval, random or reference". */
  public static String labels() {
    StringBuilder b = new StringBuilder();
    Mode[] all = values();
    for (int i = 0; i < all.length; i++) {
      b.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].label());
    }
    return b.toString();
  }
}
