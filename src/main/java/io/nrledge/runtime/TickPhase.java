package io.nrledge.runtime;

/** The fixed phases of one tick, in order; each is timed into its own maximum. */
public enum TickPhase {
  READ("read"),
  OBSERVE("observe"),
  LEARN("learn"),
  ACTION("action"),
  WRITE("write"),
  REWARD("reward");

  private final String label;

  TickPhase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Labels in ordinal order, for telemetry. */
  public static String[] labels() {
    TickPhase[] all = values();
    String[] out = new String[all.length];
    for (int i = 0; i < all.length; i++) {
      out[i] = all[i].label;
    }
    return out;
  }
}
