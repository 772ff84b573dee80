package io.nrledge.telemetry;

/** A checkpoint file that cannot be used; the message says why in one line, without the file name. */
public final class InvalidCheckpointException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidCheckpointException(String message) {
    super(message);
  }
}
