package io.nrledge.bridge;

/** What the host side of a bridge counts; the JSON names are those of {@code --summary-json}'s {@code bridge} object. */
public enum BridgeCounter {
  FRAMES_RECEIVED("frames_received"),
  FRAMES_SENT("frames_sent"),
  CRC_ERRORS("crc_errors"),
  /** Frames lost in transit, from the gaps in the peer's sequence numbers. */
  SEQUENCE_GAPS("sequence_gaps"),
  /** Rejected non-empty frames of any kind: each is one restart at the next delimiter. */
  RESYNCS("resyncs"),
  /** Link losses: no valid frame for the failsafe timeout. */
  FAILSAFE_EVENTS("failsafe_events"),
  DUPLICATES("duplicates"),
  PEER_RESETS("peer_resets"),
  RECONNECTS("reconnects"),
  /** Frames the host could not send (port closed, queue full). */
  FRAMES_DROPPED("frames_dropped"),
  ERRORS_REPORTED("errors_reported_by_mcu");

  private static final BridgeCounter[] VALUES = values();
  private final String jsonName;

  BridgeCounter(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  static BridgeCounter of(int ordinal) {
    return VALUES[ordinal];
  }
}
