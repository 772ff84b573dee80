package io.nrledge.runtime;

/** Why the watchdog put the rig in safe state, and whether it may leave it on its own. */
public enum FaultKind {
  OVERRUNS("overruns", true),
  SENSOR_TIMEOUT("sensor-timeout", true),
  SENSOR_FAILED("sensor-failed", true),
  BAD_OBSERVATION("bad-observation", true),
  ACTUATOR_FAILED("actuator-failed", true),
  /** The plant's episode reset refused or threw. */
  RESET_FAILED("reset-failed", true),
  /** The learner threw: its state can no longer be trusted. */
  LEARNER_FAILED("learner-failed", false),
  /** The learner's weights are no longer finite: only a restart (or, later, a checkpoint) can help. */
  NON_FINITE_WEIGHTS("non-finite-weights", false);

  private final String label;
  private final boolean recoverable;

  FaultKind(String label, boolean recoverable) {
    this.label = label;
    this.recoverable = recoverable;
  }

  public String label() {
    return label;
  }

  public boolean recoverable() {
    return recoverable;
  }

  /** Labels in ordinal order, for telemetry. */
  public static String[] labels() {
    FaultKind[] all = values();
    String[] out = new String[all.length];
    for (int i = 0; i < all.length; i++) {
      out[i] = all[i].label;
    }
    return out;
  }
}
