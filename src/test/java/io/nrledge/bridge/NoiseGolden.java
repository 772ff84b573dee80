package io.nrledge.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** Checks the MCU's noise source, through the bridge, against tests/golden/noise-seed-SEED.csv. */
final class NoiseGolden {
  private NoiseGolden() {}

  static void assertBitExact(BridgeLink link, long seed, int rows) throws IOException, InterruptedException {
    List<String> lines = Files.readAllLines(FirmwareBuild.projectDir().resolve("tests/golden/noise-seed-" + seed + ".csv"),
        StandardCharsets.US_ASCII);
    long[][] got = link.noise(seed, rows, 2_000);
    for (int i = 0; i < rows; i++) {
      String[] f = lines.get(i + 1).split(",");
      String actual = got[i][0] + "," + String.format("%016x", got[i][1]) + "," + got[i][2] + "," + got[i][3];
      assertEquals(String.join(",", f), actual, "seed " + seed + " row " + i);
    }
  }
}
