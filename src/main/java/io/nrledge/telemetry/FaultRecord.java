package io.nrledge.telemetry;

/**
 * One fault as a reader copied it out of {@link LoopTelemetry#readLastFault}: a reusable holder,
 * filled in place so a reader polling for faults allocates nothing. Indices name the runtime's
 * fault kinds and tick phases ({@link LoopTelemetry#faultName}, {@link LoopTelemetry#phaseName}).
 */
public final class FaultRecord {
  public int kind;
  public int phase;
  /** The offending channel, −1 when none or unknown. */
  public int channel;
  public long tick;
  /** What a device, plant or learner threw, or null when it returned a failed status. */
  public Throwable cause;
}
