package io.nrledge.bridge;

/**
 * Builds wire frames (header, payload, CRC, COBS, delimiter) in buffers allocated once. Fill
 * {@link #payload()} then call {@link #encode}; the result stays in {@link #wire()} until the
 * next call. One thread at a time; never allocates after construction.
 */
public final class FrameEncoder {
  private final byte[] payload = new byte[BridgeProtocol.MAX_PAYLOAD];
  private final byte[] raw = new byte[BridgeProtocol.MAX_FRAME];
  private final byte[] wire = new byte[BridgeProtocol.MAX_WIRE];

  /** Where the next frame's payload goes. */
  public byte[] payload() {
    return payload;
  }

  /** The encoded bytes of the last {@link #encode}. */
  public byte[] wire() {
    return wire;
  }

  /**
   * Encodes {@code payload()[0, length)} as one frame of {@code type} and {@code seq}; returns the
   * number of wire bytes (delimiter included). Real-time safe.
   *
   * @throws IllegalArgumentException if {@code length} is outside 0..64 (a programming error)
   */
  public int encode(int type, int seq, int length) {
    return encode(type, seq, payload, length);
  }

  /** As {@link #encode(int, int, int)} with the payload taken from {@code source[0, length)}. */
  public int encode(int type, int seq, byte[] source, int length) {
    if (length < 0 || length > BridgeProtocol.MAX_PAYLOAD) {
      throw new IllegalArgumentException("payload length " + length + " outside 0.." + BridgeProtocol.MAX_PAYLOAD);
    }
    raw[0] = (byte) BridgeProtocol.VERSION;
    raw[1] = (byte) type;
    raw[2] = (byte) seq;
    raw[3] = (byte) length;
    System.arraycopy(source, 0, raw, BridgeProtocol.HEADER, length);
    int n = BridgeProtocol.HEADER + length;
    Bytes.put16(raw, n, Crc16.of(raw, 0, n));
    n += BridgeProtocol.CRC;
    int w = Cobs.encode(raw, n, wire);
    wire[w] = 0;
    return w + 1;
  }
}
