package io.nrledge.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Randomised properties of the Java receiver (seeded, so a failure repeats): no exception escapes
 * on any input, a damaged frame is never accepted with content other than what was sent, and the
 * receiver is back in step at the first frame after the damage.
 */
class FrameDecoderPropertyTest {
  private static final int TRIALS = 20_000;

  @Test
  void randomBytesShouldNeverThrowAndRarelyPassTheCrc() {
    SplittableRandom r = new SplittableRandom(1);
    FrameDecoder d = new FrameDecoder();
    int accepted = 0;
    int results = 0;
    for (int i = 0; i < 2_000_000; i++) {
      byte b = (byte) (r.nextInt(8) == 0 ? 0 : r.nextInt(256));
      int res = d.accept(b);
      if (res == BridgeProtocol.OK) {
        accepted++;
      }
      if (res != BridgeProtocol.NONE) {
        results++;
        assertTrue(res >= 0 && res < BridgeProtocol.ERROR_CODES, "result " + res);
      }
    }
    // ~250k random frames; a 16-bit CRC passes one in 65536 of those that get that far, and the
    // version, length and type checks reject almost all of those
    assertTrue(results > 100_000, "frames ended: " + results);
    assertTrue(accepted <= 2, "random frames accepted: " + accepted);
  }

  @Test
  void damagedFramesShouldNeverBeAcceptedAndTheNextFrameShouldBe() {
    SplittableRandom r = new SplittableRandom(2);
    FrameEncoder e = new FrameEncoder();
    FrameDecoder d = new FrameDecoder();
    int damagedAccepted = 0;
    int cleanAccepted = 0;
    for (int t = 0; t < TRIALS; t++) {
      int length = 1 + 4 * (1 + r.nextInt(8));
      byte[] payload = e.payload();
      for (int i = 0; i < length; i++) {
        payload[i] = (byte) r.nextInt(256);
      }
      byte[] sent = Arrays.copyOf(payload, length);
      int n = e.encode(BridgeProtocol.ACTUATOR_COMMAND, t & 0xFF, length);
      byte[] wire = Arrays.copyOf(e.wire(), n);
      byte[] damaged = damage(wire, r);
      for (byte b : damaged) {
        if (d.accept(b) == BridgeProtocol.OK && !Arrays.equals(wire, damaged) && !sameFrame(d, sent, t)) {
          damagedAccepted++;
        }
      }
      // the very next clean frame (after one delimiter, as every frame ends) must be accepted
      d.accept((byte) 0);
      n = e.encode(BridgeProtocol.ACTUATOR_COMMAND, (t + 1) & 0xFF, sent, length);
      int last = BridgeProtocol.NONE;
      for (int i = 0; i < n; i++) {
        last = d.accept(e.wire()[i]);
      }
      if (last == BridgeProtocol.OK && sameFrame(d, sent, t + 1)) {
        cleanAccepted++;
      }
    }
    assertEquals(0, damagedAccepted, "damaged frames accepted with other content");
    assertEquals(TRIALS, cleanAccepted, "clean frames accepted right after damage");
  }

  private static boolean sameFrame(FrameDecoder d, byte[] payload, int seq) {
    return d.seq() == (seq & 0xFF) && d.length() == payload.length
        && Arrays.equals(d.buffer(), d.payloadOffset(), d.payloadOffset() + d.length(), payload, 0, payload.length);
  }

  /** One of: flipped bits, a dropped byte, a duplicated byte, garbage inserted, truncation, oversize. */
  static byte[] damage(byte[] wire, SplittableRandom r) {
    int body = wire.length - 1; // keep the delimiter
    byte[] out;
    switch (r.nextInt(6)) {
      case 0 -> {
        out = wire.clone();
        int flips = 1 + r.nextInt(3);
        for (int f = 0; f < flips; f++) {
          int at = r.nextInt(body);
          out[at] ^= (byte) (1 << r.nextInt(8));
        }
      }
      case 1 -> {
        int at = r.nextInt(body);
        out = new byte[wire.length - 1];
        System.arraycopy(wire, 0, out, 0, at);
        System.arraycopy(wire, at + 1, out, at, wire.length - at - 1);
      }
      case 2 -> {
        int at = r.nextInt(body);
        out = new byte[wire.length + 1];
        System.arraycopy(wire, 0, out, 0, at + 1);
        System.arraycopy(wire, at, out, at + 1, wire.length - at);
      }
      case 3 -> {
        int at = r.nextInt(body);
        int g = 1 + r.nextInt(8);
        out = new byte[wire.length + g];
        System.arraycopy(wire, 0, out, 0, at);
        for (int i = 0; i < g; i++) {
          out[at + i] = (byte) (1 + r.nextInt(255));
        }
        System.arraycopy(wire, at, out, at + g, wire.length - at);
      }
      case 4 -> {
        out = Arrays.copyOf(wire, 1 + r.nextInt(body));
        out[out.length - 1] = 0;
      }
      default -> {
        out = new byte[BridgeProtocol.MAX_WIRE + 1 + r.nextInt(100)];
        for (int i = 0; i < out.length - 1; i++) {
          out[i] = (byte) (1 + r.nextInt(255));
        }
      }
    }
    return out;
  }
}
