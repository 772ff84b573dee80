package io.nrledge.cli;

/** Bad arguments or configuration found after parsing: reported as one line, exit code 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
