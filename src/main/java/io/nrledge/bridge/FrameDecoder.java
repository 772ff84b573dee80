package io.nrledge.bridge;

/**
 * The receiving side of {@code PROTOCOL.md}: fed one byte at a time, it collects up to each 0x00
 * delimiter, then runs the checks in the documented order. After {@link BridgeProtocol#OK} the
 * accessors read the accepted frame in place (a flyweight over the decoder's own buffer) until
 * the next byte. Never throws, never allocates after construction; one thread.
 */
public final class FrameDecoder {
  private final byte[] encoded = new byte[BridgeProtocol.MAX_ENCODED];
  private final byte[] decoded = new byte[BridgeProtocol.MAX_FRAME];
  private int fill;
  private boolean overflow;
  private int type;
  private int seq;
  private int length;

  /**
   * Feeds one byte: {@link BridgeProtocol#NONE} while no frame ended (or for an idle delimiter),
   * {@link BridgeProtocol#OK} for an accepted frame, or the error code of the frame that just
   * ended. Real-time safe.
   */
  public int accept(byte b) {
    if (b != 0) {
      if (fill < encoded.length) {
        encoded[fill++] = b;
      } else {
        overflow = true;
      }
      return BridgeProtocol.NONE;
    }
    if (overflow) {
      overflow = false;
      fill = 0;
      return BridgeProtocol.ERR_OVERSIZE;
    }
    if (fill == 0) {
      return BridgeProtocol.NONE;
    }
    int n = Cobs.decode(encoded, fill, decoded);
    fill = 0;
    if (n < 0) {
      return BridgeProtocol.ERR_COBS;
    }
    return check(n);
  }

  private int check(int n) {
    if (n < BridgeProtocol.HEADER + BridgeProtocol.CRC) {
      return BridgeProtocol.ERR_SHORT;
    }
    if (Crc16.of(decoded, 0, n - BridgeProtocol.CRC) != Bytes.u16(decoded, n - BridgeProtocol.CRC)) {
      return BridgeProtocol.ERR_CRC;
    }
    if ((decoded[0] & 0xFF) != BridgeProtocol.VERSION) {
      return BridgeProtocol.ERR_VERSION;
    }
    int len = decoded[3] & 0xFF;
    if (len > BridgeProtocol.MAX_PAYLOAD || len + BridgeProtocol.HEADER + BridgeProtocol.CRC != n) {
      return BridgeProtocol.ERR_LENGTH;
    }
    int t = decoded[1] & 0xFF;
    int payload = BridgeProtocol.checkPayload(t, len);
    if (payload != BridgeProtocol.OK) {
      return payload;
    }
    type = t;
    seq = decoded[2] & 0xFF;
    length = len;
    return BridgeProtocol.OK;
  }

  /** Drops any partial frame (after a port reopen). */
  public void reset() {
    fill = 0;
    overflow = false;
  }

  public int type() {
    return type;
  }

  public int seq() {
    return seq;
  }

  public int length() {
    return length;
  }

  /** The accepted frame's bytes; its payload starts at {@link #payloadOffset()}. */
  public byte[] buffer() {
    return decoded;
  }

  public int payloadOffset() {
    return BridgeProtocol.HEADER;
  }

  public int u8(int at) {
    return Bytes.u8(decoded, BridgeProtocol.HEADER + at);
  }

  public int u16(int at) {
    return Bytes.u16(decoded, BridgeProtocol.HEADER + at);
  }

  public int i32(int at) {
    return Bytes.i32(decoded, BridgeProtocol.HEADER + at);
  }

  public long u32(int at) {
    return Bytes.u32(decoded, BridgeProtocol.HEADER + at);
  }

  public long i64(int at) {
    return Bytes.i64(decoded, BridgeProtocol.HEADER + at);
  }
}
