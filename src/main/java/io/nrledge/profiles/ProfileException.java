package io.nrledge.profiles;

/** A profile that cannot be used; the message is one line, {@code FILE:LINE:COL: key: message}. */
public final class ProfileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProfileException(String message) {
    super(message);
  }
}
