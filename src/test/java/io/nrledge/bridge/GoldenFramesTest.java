package io.nrledge.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java codec against the golden frames the C core is checked against too. */
class GoldenFramesTest {

  @Test
  void crcShouldMatchTheCheckValue() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0x29B1, Crc16.of(check, 0, check.length));
  }

  @Test
  void encoderShouldEmitTheGoldenBytesAndDecoderShouldReadThemBack() throws Exception {
    List<GoldenFrames> rows = GoldenFrames.read();
    assertTrue(rows.size() >= 20, "golden rows: " + rows.size());
    FrameEncoder encoder = new FrameEncoder();
    for (GoldenFrames g : rows) {
      FrameDecoder decoder = new FrameDecoder();
      List<Integer> results = feed(decoder, g.wire());
      assertEquals(1, results.size(), g.name() + ": one result per frame");
      if (g.result().equals("ok")) {
        int n = encoder.encode(g.type(), g.seq(), g.payload(), g.payload().length);
        assertArrayEquals(g.wire(), Arrays.copyOf(encoder.wire(), n), g.name() + ": encoded bytes");
        assertEquals(BridgeProtocol.OK, results.get(0), g.name());
        assertEquals(g.type(), decoder.type(), g.name());
        assertEquals(g.seq(), decoder.seq(), g.name());
        assertArrayEquals(g.payload(), Arrays.copyOfRange(decoder.buffer(), decoder.payloadOffset(),
            decoder.payloadOffset() + decoder.length()), g.name() + ": payload");
      } else {
        assertEquals(g.result(), BridgeProtocol.errorName(results.get(0)), g.name());
      }
    }
  }

  @Test
  void backToBackGoldenFramesShouldEachGiveTheirOwnResult() throws Exception {
    List<GoldenFrames> rows = GoldenFrames.read();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    List<Integer> expected = new ArrayList<>();
    for (GoldenFrames g : rows) {
      stream.writeBytes(g.wire());
      expected.add(g.result().equals("ok") ? BridgeProtocol.OK : BridgeProtocol.errorCode(g.result()));
    }
    assertEquals(expected, feed(new FrameDecoder(), stream.toByteArray()));
  }

  @Test
  void goldenPayloadsShouldDecodeToTheirDocumentedFields() throws Exception {
    GoldenFrames sample = GoldenFrames.read().stream().filter(g -> g.name().equals("sample_two_channels")).findFirst()
        .orElseThrow();
    FrameDecoder d = new FrameDecoder();
    feed(d, sample.wire());
    assertEquals(123456789L, d.u32(0));
    assertEquals(3, d.u8(4));
    assertEquals(-1500, d.i32(6));
    assertEquals(250, d.i32(10));
  }

  static List<Integer> feed(FrameDecoder decoder, byte[] bytes) {
    List<Integer> results = new ArrayList<>();
    for (byte b : bytes) {
      int r = decoder.accept(b);
      if (r != BridgeProtocol.NONE) {
        results.add(r);
      }
    }
    return results;
  }
}
