package io.nrledge.runtime;

/** Why {@link ControlLoop#run()} returned. */
public enum StopReason {
  SOLVED,
  TICK_BUDGET,
  EPISODE_BUDGET,
  DURATION,
  /** {@link ControlLoop#requestStop()} was called. */
  STOPPED,
  /** SIGINT or SIGTERM asked the run to stop. */
  SIGNAL,
  /** A fault that cannot recover on its own; the actuators were left safe. */
  LATCHED_FAULT
}
