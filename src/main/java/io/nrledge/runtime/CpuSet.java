package io.nrledge.runtime;

import java.util.Arrays;

/**
 * An immutable set of CPU numbers for thread affinity, written in the Linux cpuset list format
 * ({@code "2"}, {@code "2-3"}, {@code "0,2"}, {@code "0-1,4"}). Holds CPUs 0 to {@link #MAX_CPUS}−1,
 * the size of glibc's {@code cpu_set_t}. Set-up only: never built on the control thread per tick.
 */
public final class CpuSet {
  /** CPUs a set can name: the bits of glibc's {@code cpu_set_t}. */
  public static final int MAX_CPUS = 1024;
  /** Bytes of the affinity mask passed to the kernel. */
  static final int MASK_BYTES = MAX_CPUS / 8;

  private final long[] words;

  private CpuSet(long[] words) {
    this.words = words;
  }

  /**
   * Parses a cpuset list. Throws {@link IllegalArgumentException} whose message names the bad
   * part, for callers to put behind the option or key it came from.
   */
  public static CpuSet parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty CPU set; expected e.g. 2, 2-3 or 0,2");
    }
    long[] words = new long[MAX_CPUS / 64];
    for (String part : text.trim().split(",", -1)) {
      String item = part.trim();
      int dash = item.indexOf('-');
      int first = cpu(dash < 0 ? item : item.substring(0, dash), text);
      int last = dash < 0 ? first : cpu(item.substring(dash + 1), text);
      if (last < first) {
        throw new IllegalArgumentException("CPU range '" + item + "' in '" + text + "' runs backwards");
      }
      for (int c = first; c <= last; c++) {
        words[c >>> 6] |= 1L << c;
      }
    }
    return new CpuSet(words);
  }

  private static int cpu(String s, String text) {
    String t = s.trim();
    if (t.isEmpty() || !t.chars().allMatch(Character::isDigit) || t.length() > 5) {
      throw new IllegalArgumentException("'" + s + "' in CPU set '" + text + "' is not a CPU number; expected e.g. 2, 2-3 or 0,2");
    }
    int cpu = Integer.parseInt(t);
    if (cpu >= MAX_CPUS) {
      throw new IllegalArgumentException("CPU " + cpu + " in '" + text + "' is out of range 0.." + (MAX_CPUS - 1));
    }
    return cpu;
  }

  /** The set of the given CPU numbers, each 0..{@link #MAX_CPUS}−1. */
  public static CpuSet of(int... cpus) {
    long[] words = new long[MAX_CPUS / 64];
    for (int c : cpus) {
      if (c < 0 || c >= MAX_CPUS) {
        throw new IllegalArgumentException("CPU " + c + " is out of range 0.." + (MAX_CPUS - 1));
      }
      words[c >>> 6] |= 1L << c;
    }
    return new CpuSet(words);
  }

  /** The set whose bits are {@code mask}, little-endian bytes as the kernel writes a {@code cpu_set_t}. */
  static CpuSet fromMask(byte[] mask) {
    long[] words = new long[MAX_CPUS / 64];
    for (int i = 0; i < Math.min(mask.length, MASK_BYTES); i++) {
      words[i >>> 3] |= (mask[i] & 0xFFL) << (8 * (i & 7));
    }
    return new CpuSet(words);
  }

  /** This set as a little-endian {@code cpu_set_t} of {@link #MASK_BYTES} bytes. */
  byte[] toMask() {
    byte[] mask = new byte[MASK_BYTES];
    for (int i = 0; i < MASK_BYTES; i++) {
      mask[i] = (byte) (words[i >>> 3] >>> (8 * (i & 7)));
    }
    return mask;
  }

  public boolean contains(int cpu) {
    return cpu >= 0 && cpu < MAX_CPUS && (words[cpu >>> 6] & (1L << cpu)) != 0;
  }

  /** How many CPUs the set holds. */
  public int size() {
    int n = 0;
    for (long w : words) {
      n += Long.bitCount(w);
    }
    return n;
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /** The canonical list form, ranges merged: {@code "0,2-3"}; empty string for the empty set. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (int c = 0; c < MAX_CPUS; c++) {
      if (!contains(c)) {
        continue;
      }
      int last = c;
      while (contains(last + 1)) {
        last++;
      }
      s.append(s.isEmpty() ? "" : ",").append(c);
      if (last > c) {
        s.append('-').append(last);
      }
      c = last;
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CpuSet other && Arrays.equals(words, other.words);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(words);
  }
}
