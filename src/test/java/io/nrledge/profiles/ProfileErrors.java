package io.nrledge.profiles;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The profile tests' one way to get the line a bad profile is refused with. */
final class ProfileErrors {
  private ProfileErrors() {}

  /** The message {@link ProfileLoader#parse} refuses {@code yaml} with, as file {@code p.yaml}; fails when it loads. */
  static String error(String yaml) {
    return assertThrows(ProfileException.class, () -> ProfileLoader.parse("p.yaml", yaml)).getMessage();
  }
}
