package io.nrledge.telemetry;

import java.io.PrintStream;

/**
 * A reusable one-line text buffer for threads that report while the control loop runs: text,
 * integers and fixed-point decimals are appended as bytes into one preallocated array and written
 * in one call, so drawing a status line allocates nothing (unlike {@code String.format}). Text is
 * written as ASCII (other characters become '?'); a line longer than the buffer is cut.
 */
public final class AsciiLine {
  private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private final byte[] bytes;
  private final byte[] digits = new byte[20];
  private int length;

  /** Not real-time safe. */
  public AsciiLine(int capacity) {
    this.bytes = new byte[capacity];
  }

  public AsciiLine clear() {
    length = 0;
    return this;
  }

  public AsciiLine append(char c) {
    put(c < 128 ? (byte) c : (byte) '?');
    return this;
  }

  public AsciiLine append(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      put(c < 128 ? (byte) c : (byte) '?');
    }
    return this;
  }

  public AsciiLine append(long value) {
    if (value < 0) {
      put((byte) '-');
      if (value == Long.MIN_VALUE) {
        return append("9223372036854775808");
      }
      value = -value;
    }
    int n = 0;
    do {
      digits[n++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value > 0);
    while (n > 0) {
      put(digits[--n]);
    }
    return this;
  }

  /** {@code value} rounded to {@code decimals} (0–6) places; NaN as "n/a", infinities as "inf"/"-inf". */
  public AsciiLine append(double value, int decimals) {
    if (Double.isNaN(value)) {
      return append("n/a");
    }
    if (Double.isInfinite(value) || Math.abs(value) >= 9e15) {
      return append(value > 0 ? "inf" : "-inf");
    }
    final long scale = POWERS_OF_TEN[decimals];
    long scaled = Math.round(Math.abs(value) * scale);
    if (value < 0 && scaled != 0) {
      put((byte) '-');
    }
    append(scaled / scale);
    if (decimals > 0) {
      put((byte) '.');
      long fraction = scaled % scale;
      for (long p = scale / 10; p > 0; p /= 10) {
        put((byte) ('0' + fraction / p));
        fraction %= p;
      }
    }
    return this;
  }

  private void put(byte b) {
    if (length < bytes.length) {
      bytes[length++] = b;
    }
  }

  /** Writes the line and flushes. */
  public void writeTo(PrintStream out) {
    out.write(bytes, 0, length);
    out.flush();
  }

  /** Appends {@code other}'s text without its first {@code skipFirst} and last {@code skipLast} bytes. */
  public AsciiLine append(AsciiLine other, int skipFirst, int skipLast) {
    for (int i = skipFirst; i < other.length - skipLast; i++) {
      put(other.bytes[i]);
    }
    return this;
  }

  /** Copies the line into {@code into} at its position (as much as fits). Allocates nothing. */
  public void copyTo(java.nio.ByteBuffer into) {
    into.put(bytes, 0, Math.min(length, into.remaining()));
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
  }
}
