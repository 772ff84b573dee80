package io.nrledge.bridge;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A single-producer single-consumer ring of outgoing messages (type + payload), preallocated:
 * the control thread claims a slot, fills its payload and publishes it without locking or
 * allocating; the bridge's writer thread takes them in order. Capacity is a power of two.
 */
final class CommandRing {
  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final int HEAD = 7; // producer index, padded away from the consumer's
  private static final int TAIL = 15;

  private final int mask;
  private final byte[][] payloads;
  private final int[] types;
  private final int[] lengths;
  private final long[] indices = new long[24];

  CommandRing(int capacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
    }
    mask = capacity - 1;
    payloads = new byte[capacity][BridgeProtocol.MAX_PAYLOAD];
    types = new int[capacity];
    lengths = new int[capacity];
  }

  /** Producer: the payload buffer of the next free slot, or null when full. Real-time safe. */
  byte[] claim() {
    long head = (long) LONGS.getOpaque(indices, HEAD);
    long tail = (long) LONGS.getAcquire(indices, TAIL);
    return head - tail > mask ? null : payloads[(int) head & mask];
  }

  /** Producer: publishes the claimed slot. Real-time safe. */
  void publish(int type, int length) {
    long head = (long) LONGS.getOpaque(indices, HEAD);
    int i = (int) head & mask;
    types[i] = type;
    lengths[i] = length;
    LONGS.setRelease(indices, HEAD, head + 1);
  }

  /** Consumer: the slot index of the oldest message, or -1 when empty. */
  int peek() {
    long tail = (long) LONGS.getOpaque(indices, TAIL);
    long head = (long) LONGS.getAcquire(indices, HEAD);
    return head == tail ? -1 : (int) tail & mask;
  }

  int type(int slot) {
    return types[slot];
  }

  int length(int slot) {
    return lengths[slot];
  }

  byte[] payload(int slot) {
    return payloads[slot];
  }

  /** Consumer: frees the slot {@link #peek} returned. */
  void release() {
    long tail = (long) LONGS.getOpaque(indices, TAIL);
    LONGS.setRelease(indices, TAIL, tail + 1);
  }
}
