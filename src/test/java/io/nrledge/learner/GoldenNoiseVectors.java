package io.nrledge.learner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the published reference vectors of the integer noise, {@code noise-seed-<seed>.csv} for
 * each of {@link #SEEDS}, into the directory given as the only argument (see
 * {@code tests/golden/README.md}). ASCII, {@code \n} line ends, so the bytes are the same on every
 * platform; the C twin {@code firmware-bridge/noise/golden_main.c} prints the same bytes.
 */
public final class GoldenNoiseVectors {
  static final long[] SEEDS = {1, 42};
  static final int ROWS = 1000;
  static final String HEADER = "index,raw_hex,gaussian_k,rademacher_k";

  private GoldenNoiseVectors() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: GoldenNoiseVectors OUTPUT_DIR");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (long seed : SEEDS) {
      Path file = dir.resolve(fileName(seed));
      Files.writeString(file, csv(seed, ROWS), StandardCharsets.US_ASCII);
      System.out.println("wrote " + file);
    }
  }

  static String fileName(long seed) {
    return "noise-seed-" + seed + ".csv";
  }

  /** The CSV text: header, then one row per 64-bit output, index from 0. */
  static String csv(long seed, int rows) {
    Xoshiro256StarStar rng = new Xoshiro256StarStar(seed);
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < rows; i++) {
      long raw = rng.nextLong();
      out.append(i).append(',')
          .append(String.format(Locale.ROOT, "%016x", raw)).append(',')
          .append(IntegerNoise.transform(NoiseKind.GAUSSIAN, raw)).append(',')
          .append(IntegerNoise.transform(NoiseKind.RADEMACHER, raw)).append('\n');
    }
    return out.toString();
  }
}
