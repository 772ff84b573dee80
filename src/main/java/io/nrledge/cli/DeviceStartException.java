package io.nrledge.cli;

/**
 * A device that could not be configured or activated, as the {@code io.Device} contract reports it
 * (an {@link IllegalStateException} with a clear message): printed as that message alone, exit 1.
 */
final class DeviceStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DeviceStartException(IllegalStateException cause) {
    super(cause.getMessage(), cause);
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
