package io.nrledge.bridge;

/** Little-endian field access on byte arrays, the protocol's byte order. Real-time safe. */
public final class Bytes {
  private Bytes() {}

  public static int u8(byte[] b, int at) {
    return b[at] & 0xFF;
  }

  public static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  public static int i32(byte[] b, int at) {
    return u16(b, at) | u16(b, at + 2) << 16;
  }

  /** An unsigned 32-bit field as a long in [0, 2^32). */
  public static long u32(byte[] b, int at) {
    return i32(b, at) & 0xFFFF_FFFFL;
  }

  public static long i64(byte[] b, int at) {
    return u32(b, at) | (long) i32(b, at + 4) << 32;
  }

  public static void put16(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
  }

  public static void put32(byte[] b, int at, int v) {
    put16(b, at, v);
    put16(b, at + 2, v >>> 16);
  }

  public static void put64(byte[] b, int at, long v) {
    put32(b, at, (int) v);
    put32(b, at + 4, (int) (v >>> 32));
  }
}
