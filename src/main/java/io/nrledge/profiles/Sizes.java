package io.nrledge.profiles;

/** Parses byte sizes written as a whole number and a unit: {@code B}, {@code KB}, {@code MB}, {@code GB} (powers of 1024). */
public final class Sizes {
  private Sizes() {}

  /** Bytes in {@code text} ("1MB", "512KB"); throws {@link IllegalArgumentException} with a one-line reason. */
  public static long parseBytes(String text) {
    String t = text.trim();
    int split = 0;
    while (split < t.length() && Character.isDigit(t.charAt(split))) {
      split++;
    }
    long scale = switch (t.substring(split).trim().toUpperCase(java.util.Locale.ROOT)) {
      case "B" -> 1L;
      case "KB", "KIB" -> 1L << 10;
      case "MB", "MIB" -> 1L << 20;
      case "GB", "GIB" -> 1L << 30;
      default -> throw new IllegalArgumentException("must be a size like 512KB, 1MB or 2GB, got '" + text + "'");
    };
    if (split == 0 || split > 9) {
      throw new IllegalArgumentException("must be a size like 512KB, 1MB or 2GB, got '" + text + "'");
    }
    return Math.multiplyExact(Long.parseLong(t.substring(0, split)), scale);
  }
}
