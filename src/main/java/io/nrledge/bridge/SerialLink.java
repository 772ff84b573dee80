package io.nrledge.bridge;

/**
 * A byte stream to a microcontroller: a serial port, a pseudo-terminal, or a fake in tests.
 * {@link #read} waits at most its own short timeout; none of the methods throws.
 */
public interface SerialLink {

  /** Opens the device; false (with {@link #lastError()}) when it cannot be opened now. Not real-time safe. */
  boolean open();

  boolean isOpen();

  /** Reads up to {@code buffer.length} bytes: the count (0 on timeout), or -1 when the device failed. */
  int read(byte[] buffer);

  /** Writes {@code buffer[offset, offset + n)}: the count written (may be short), or -1 when the device failed. */
  int write(byte[] buffer, int offset, int n);

  /** Closes the device; idempotent. */
  void close();

  /** Why the last open failed, for one log line. */
  String lastError();

  /** The device's name in reports. */
  String name();
}
