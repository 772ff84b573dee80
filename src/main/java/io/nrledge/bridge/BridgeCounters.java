package io.nrledge.bridge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The bridge's counters: written by its reader and writer threads, readable from any thread,
 * plus the receive errors by code and the MCU's own counters from its latest HEARTBEAT.
 * Incrementing never allocates or locks.
 */
public final class BridgeCounters {
  private final AtomicLongArray counts = new AtomicLongArray(BridgeCounter.values().length);
  private final AtomicLongArray errors = new AtomicLongArray(BridgeProtocol.ERROR_CODES);
  private final AtomicLongArray mcu = new AtomicLongArray(5);
  private static final String[] MCU_NAMES = {"failsafe_events", "crc_errors", "rejected", "sequence_gaps", "heartbeats"};

  public void increment(BridgeCounter c) {
    counts.incrementAndGet(c.ordinal());
  }

  public void add(BridgeCounter c, long n) {
    counts.addAndGet(c.ordinal(), n);
  }

  public long get(BridgeCounter c) {
    return counts.get(c.ordinal());
  }

  /** Counts one rejected frame: its error code, a resync, and a CRC error if it was one. */
  void rejected(int code) {
    errors.incrementAndGet(code);
    increment(BridgeCounter.RESYNCS);
    if (code == BridgeProtocol.ERR_CRC) {
      increment(BridgeCounter.CRC_ERRORS);
    }
  }

  public long errors(int code) {
    return errors.get(code);
  }

  void mcuHeartbeat(int failsafeEvents, int crcErrors, int rejected, int sequenceGaps) {
    mcu.set(0, failsafeEvents);
    mcu.set(1, crcErrors);
    mcu.set(2, rejected);
    mcu.set(3, sequenceGaps);
    mcu.incrementAndGet(4);
  }

  /** The MCU's counter by JSON name as of its latest heartbeat. */
  public long mcu(String name) {
    for (int i = 0; i < MCU_NAMES.length; i++) {
      if (MCU_NAMES[i].equals(name)) {
        return mcu.get(i);
      }
    }
    throw new IllegalArgumentException("no MCU counter " + name);
  }

  /** Everything, for {@code --summary-json}. Not real-time safe. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (BridgeCounter c : BridgeCounter.values()) {
      m.put(c.jsonName(), get(c));
    }
    Map<String, Object> byCode = new LinkedHashMap<>();
    for (int i = 1; i < BridgeProtocol.ERROR_CODES; i++) {
      byCode.put(BridgeProtocol.errorName(i).toLowerCase(java.util.Locale.ROOT), errors.get(i));
    }
    m.put("rejected_by_error", byCode);
    Map<String, Object> peer = new LinkedHashMap<>();
    for (int i = 0; i < MCU_NAMES.length; i++) {
      peer.put(MCU_NAMES[i], mcu.get(i));
    }
    m.put("mcu", peer);
    return m;
  }
}
