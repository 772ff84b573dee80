package io.nrledge.profiles;

/** Parses durations written as a number and a unit: {@code ns}, {@code us}, {@code ms}, {@code s}, {@code m}, {@code h}. */
public final class Durations {
  private Durations() {}

  /** Nanoseconds in {@code text} ("20ms", "1.5s"); throws {@link IllegalArgumentException} with a one-line reason. */
  public static long parseNs(String text) {
    String t = text.trim();
    int split = 0;
    while (split < t.length() && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.')) {
      split++;
    }
    String unit = t.substring(split);
    double scale = switch (unit) {
      case "ns" -> 1;
      case "us", "µs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      case "h" -> 3600e9;
      default -> throw new IllegalArgumentException("must be a duration like 20ms, 150us or 10s, got '" + text + "'");
    };
    double value;
    try {
      value = Double.parseDouble(t.substring(0, split));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a duration like 20ms, 150us or 10s, got '" + text + "'");
    }
    double ns = value * scale;
    if (ns > Long.MAX_VALUE / 2) {
      throw new IllegalArgumentException("is too long: '" + text + "'");
    }
    return Math.round(ns);
  }
}
