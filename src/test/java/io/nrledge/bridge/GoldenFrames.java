package io.nrledge.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/** The rows of {@code tests/golden/bridge/frames.csv}. */
record GoldenFrames(String name, int type, int seq, byte[] payload, byte[] wire, String result) {

  static Path file() {
    return FirmwareBuild.projectDir().resolve("tests/golden/bridge/frames.csv");
  }

  static List<GoldenFrames> read() throws IOException {
    List<String> lines = Files.readAllLines(file(), StandardCharsets.US_ASCII);
    if (!lines.get(0).equals("name,type,seq,payload_hex,wire_hex,result")) {
      throw new IllegalStateException(file() + ": unexpected header " + lines.get(0));
    }
    HexFormat hex = HexFormat.of();
    return lines.stream().skip(1).map(l -> l.split(",", -1)).map(f -> new GoldenFrames(f[0], Integer.parseInt(f[1]),
        Integer.parseInt(f[2]), hex.parseHex(f[3]), hex.parseHex(f[4]), f[5])).toList();
  }
}
