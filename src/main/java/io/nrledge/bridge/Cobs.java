package io.nrledge.bridge;

/** Consistent Overhead Byte Stuffing over caller-owned arrays; never allocates, never reads or writes out of bounds. */
public final class Cobs {
  private Cobs() {}

  /**
   * Encodes {@code in[0, n)} (n ≤ 254) into {@code out} from index 0; returns the encoded length
   * (n + 1), or -1 if {@code out} is too small. Real-time safe.
   */
  public static int encode(byte[] in, int n, byte[] out) {
    if (n > 254 || n < 0 || n > in.length || out.length < n + 1) {
      return -1;
    }
    int codeAt = 0;
    int o = 1;
    int code = 1;
    for (int i = 0; i < n; i++) {
      if (in[i] == 0) {
        out[codeAt] = (byte) code;
        codeAt = o++;
        code = 1;
      } else {
        out[o++] = in[i];
        code++;
      }
    }
    out[codeAt] = (byte) code;
    return o;
  }

  /**
   * Decodes {@code in[0, n)} (no delimiter) into {@code out}; returns the decoded length, or -1 on
   * a zero or overrunning code byte or when {@code out} is too small. Real-time safe.
   */
  public static int decode(byte[] in, int n, byte[] out) {
    int i = 0;
    int o = 0;
    while (i < n) {
      int code = in[i++] & 0xFF;
      if (code == 0 || code - 1 > n - i) {
        return -1;
      }
      for (int k = 1; k < code; k++) {
        if (o >= out.length) {
          return -1;
        }
        out[o++] = in[i++];
      }
      if (code != 0xFF && i < n) {
        if (o >= out.length) {
          return -1;
        }
        out[o++] = 0;
      }
    }
    return o;
  }
}
