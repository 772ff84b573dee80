package io.nrledge.bridge;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link SerialLink} over jSerialComm: a USB serial adapter ({@code /dev/ttyACM0}) or a
 * pseudo-terminal. The path is resolved at each {@link #open} (a pty symlink must exist by then);
 * reads are semi-blocking with a short timeout so the reader thread can keep its own timers.
 * The only class that imports jSerialComm.
 */
public final class JSerialCommLink implements SerialLink {
  private final String path;
  private final int baud;
  private final int readTimeoutMs;
  private volatile SerialPort port;
  private String lastError = "";

  public JSerialCommLink(String path, int baud, int readTimeoutMs) {
    this.path = path;
    this.baud = baud;
    this.readTimeoutMs = readTimeoutMs;
  }

  @Override
  public boolean open() {
    close();
    if (!Files.exists(Path.of(path))) {
      lastError = path + " does not exist";
      return false;
    }
    try {
      SerialPort p = SerialPort.getCommPort(path);
      p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
      p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
      p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, readTimeoutMs,
          1000);
      if (!p.openPort()) {
        lastError = "cannot open " + path + " (error " + p.getLastErrorCode() + ")";
        return false;
      }
      port = p;
      return true;
    } catch (SerialPortInvalidPortException e) {
      lastError = "cannot open " + path + ": " + e.getMessage();
      return false;
    }
  }

  @Override
  public boolean isOpen() {
    SerialPort p = port;
    return p != null && p.isOpen();
  }

  @Override
  public int read(byte[] buffer) {
    SerialPort p = port;
    if (p == null) {
      return -1;
    }
    return p.readBytes(buffer, buffer.length);
  }

  @Override
  public int write(byte[] buffer, int offset, int n) {
    SerialPort p = port;
    if (p == null) {
      return -1;
    }
    return p.writeBytes(buffer, n, offset);
  }

  @Override
  public void close() {
    SerialPort p = port;
    port = null;
    if (p != null) {
      p.closePort();
    }
  }

  @Override
  public String lastError() {
    return lastError;
  }

  @Override
  public String name() {
    return path;
  }
}
