package io.nrledge.cli;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a check owned elsewhere ({@code LearnerConfig}, {@code LoopSettings}) whose verdict is an
 * {@link IllegalArgumentException} "KEY: message", and reports it as the option the user typed:
 * one {@link UsageException} line. Keeps no limit of its own.
 */
final class OptionVerdict {
  private OptionVerdict() {}

  /**
   * @param optionByKey the owner's keys in the command's words, e.g. {@code layers → --hidden}
   * @param fallback the option named when the key is not in the map
   */
  static <T> T of(Map<String, String> optionByKey, String fallback, Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "invalid" : e.getMessage();
      int colon = message.indexOf(": ");
      String key = colon < 0 ? null : message.substring(0, colon);
      String option = key == null ? null : optionByKey.get(key);
      throw new UsageException(option != null ? option + ": " + message.substring(colon + 2) : fallback + ": " + message);
    }
  }
}
