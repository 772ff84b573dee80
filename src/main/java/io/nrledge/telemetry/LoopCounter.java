package io.nrledge.telemetry;

/** Monotonic counters the control thread raises and other threads read. */
public enum LoopCounter {
  TICKS,
  /** Ticks whose work ended after the next deadline. */
  OVERRUNS,
  /** Periods skipped after overruns (no bursts to catch up). */
  SKIPPED_PERIODS,
  /** Device events drained from the event ring. */
  EVENTS,
  /** Events drained while in safe state and therefore not credited. */
  EVENTS_DISCARDED,
  /** Ticks spent in safe state. */
  SAFE_TICKS,
  /** Faults raised by the watchdog (all kinds). */
  FAULTS,
  /** Recoveries from safe state. */
  RECOVERIES,
  /** Safe writes that the actuators refused or threw on. */
  SAFE_WRITE_FAILURES,
  /** Device, plant or learner calls that threw (each also raised a fault or a safe-write failure). */
  DEVICE_EXCEPTIONS,
  /** Bytes allocated by the control thread since the end of warm-up. */
  ALLOC_BYTES,
  /** Ticks counted in {@link #ALLOC_BYTES}. */
  ALLOC_TICKS
}
