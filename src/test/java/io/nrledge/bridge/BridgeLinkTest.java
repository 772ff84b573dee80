package io.nrledge.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nrledge.io.EventKind;
import io.nrledge.io.IoStatus;
import io.nrledge.io.ManualNanoClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The host session against a scripted MCU (a fake serial link) on a manual clock: sequence
 * numbers with the MCU's 255 → 1 wrap, gaps, duplicates, an MCU reset, events and their
 * timestamps, link loss after the failsafe timeout. No processes, no real time.
 */
@Timeout(30)
class BridgeLinkTest {
  private final ManualNanoClock clock = new ManualNanoClock(1_000_000_000L);
  private final FakeLink fake = new FakeLink();
  private final FrameEncoder mcu = new FrameEncoder();
  private BridgeLink link;

  /** A serial link fed by the test; records what the host writes. */
  static final class FakeLink implements SerialLink {
    final ConcurrentLinkedQueue<byte[]> toHost = new ConcurrentLinkedQueue<>();
    final List<byte[]> fromHost = new CopyOnWriteArrayList<>();
    volatile boolean open;

    @Override
    public boolean open() {
      open = true;
      return true;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public int read(byte[] buffer) {
      byte[] next = toHost.poll();
      if (next == null) {
        LockSupport.parkNanos(200_000L);
        return 0;
      }
      System.arraycopy(next, 0, buffer, 0, next.length);
      return next.length;
    }

    @Override
    public int write(byte[] buffer, int offset, int n) {
      byte[] copy = new byte[n];
      System.arraycopy(buffer, offset, copy, 0, n);
      fromHost.add(copy);
      return n;
    }

    @Override
    public void close() {
      open = false;
    }

    @Override
    public String lastError() {
      return "";
    }

    @Override
    public String name() {
      return "fake";
    }

    /** Types of the frames the host wrote so far. */
    List<Integer> typesSent() {
      List<Integer> types = new ArrayList<>();
      FrameDecoder d = new FrameDecoder();
      for (byte[] w : fromHost) {
        for (byte b : w) {
          if (d.accept(b) == BridgeProtocol.OK) {
            types.add(d.type());
          }
        }
      }
      return types;
    }
  }

  private record Posted(EventKind kind, double value, long timestampNs) {}

  private final List<Posted> posted = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    if (link != null) {
      link.close();
    }
  }

  private void send(int type, int seq, byte[] payload) {
    int n = mcu.encode(type, seq, payload, payload.length);
    byte[] w = new byte[n];
    System.arraycopy(mcu.wire(), 0, w, 0, n);
    fake.toHost.add(w);
  }

  private static byte[] hello(int periodUs, int failsafeMs, int plant) {
    byte[] p = new byte[11];
    p[0] = 1;
    p[1] = 1;
    p[2] = 2;
    p[3] = 1;
    Bytes.put32(p, 4, periodUs);
    Bytes.put16(p, 8, failsafeMs);
    p[10] = (byte) plant;
    return p;
  }

  private static byte[] sample(long tsUs, int x, int v) {
    byte[] p = new byte[14];
    Bytes.put32(p, 0, (int) tsUs);
    Bytes.put32(p, 6, x);
    Bytes.put32(p, 10, v);
    return p;
  }

  private static byte[] event(int kind, int edges, long tsUs, int value) {
    return event(kind, 1, edges, tsUs, value);
  }

  private static byte[] event(int kind, int channel, int edges, long tsUs, int value) {
    byte[] p = new byte[12];
    p[0] = (byte) kind;
    p[1] = (byte) channel;
    Bytes.put16(p, 2, edges);
    Bytes.put32(p, 4, (int) tsUs);
    Bytes.put32(p, 8, value);
    return p;
  }

  /** Connects to the scripted MCU: it answers with a HELLO of the wanted configuration (seq 0). */
  private void connect() {
    link = new BridgeLink(new BridgeSettings("fake", 115_200, 2, 1, 5_000, 100, BridgeProtocol.PLANT_TRACK,
        5_000_000_000L), fake, clock);
    link.connectSink((kind, value, t) -> posted.add(new Posted(kind, value, t)));
    link.eventsActive(true);
    send(BridgeProtocol.HELLO, 0, hello(5_000, 100, 1));
    link.connect();
  }

  private void awaitReceived(long frames) throws InterruptedException {
    FirmwareBridgeContract.await(() -> link.counters().get(BridgeCounter.FRAMES_RECEIVED) >= frames, 5_000,
        frames + " frames received");
  }

  @Test
  void sequenceNumbersShouldWrapWithoutGapsAndCountGapsAndDuplicatesExactly() throws Exception {
    connect();
    int seq = 0;
    for (int i = 0; i < 600; i++) { // wraps twice, 255 → 1
      seq = seq == 255 ? 1 : seq + 1;
      send(BridgeProtocol.SENSOR_SAMPLE, seq, sample(1000L * i, i, -i));
    }
    awaitReceived(601);
    assertEquals(0, link.counters().get(BridgeCounter.SEQUENCE_GAPS));
    // lose three frames across the wrap: ... 254 | 255, 1, 2 lost | 3
    int last = seq;
    int skipTo = last;
    for (int k = 0; k < 4; k++) {
      skipTo = skipTo == 255 ? 1 : skipTo + 1;
    }
    send(BridgeProtocol.SENSOR_SAMPLE, skipTo, sample(700_000, 7, 7));
    send(BridgeProtocol.SENSOR_SAMPLE, skipTo, sample(705_000, 999, 999)); // a duplicate: dropped
    awaitReceived(602);
    FirmwareBridgeContract.await(() -> link.counters().get(BridgeCounter.DUPLICATES) == 1, 5_000, "the duplicate");
    assertEquals(3, link.counters().get(BridgeCounter.SEQUENCE_GAPS));
    double[] x = new double[2];
    assertEquals(IoStatus.OK, link.readSample(x));
    assertEquals(0.007, x[0], 1e-12, "the duplicate's values were not taken");
  }

  @Test
  void mcuResetShouldBeCountedAndTheConfigurationSentAgain() throws Exception {
    connect();
    for (int s = 1; s <= 5; s++) {
      send(BridgeProtocol.SENSOR_SAMPLE, s, sample(1000L * s, 0, 0));
    }
    awaitReceived(6);
    int configsBefore = (int) fake.typesSent().stream().filter(t -> t == BridgeProtocol.CONFIG).count();
    send(BridgeProtocol.HELLO, 0, hello(5_000, 100, 0)); // restarted: default plant
    awaitReceived(7);
    assertEquals(1, link.counters().get(BridgeCounter.PEER_RESETS));
    assertEquals(0, link.counters().get(BridgeCounter.SEQUENCE_GAPS), "a reset is not a gap");
    FirmwareBridgeContract.await(() -> fake.typesSent().stream().filter(t -> t == BridgeProtocol.CONFIG).count()
        == configsBefore + 1, 5_000, "CONFIG sent again");
  }

  @Test
  void eventsShouldBePostedOnTheHostClockWithRewardsPerNewEdge() throws Exception {
    connect();
    send(BridgeProtocol.SENSOR_SAMPLE, 1, sample(50_000, 0, 0));
    awaitReceived(2);
    long arrival = clock.nanoTime();
    clock.advance(3_000_000);
    send(BridgeProtocol.EVENT, 2, event(BridgeProtocol.EVENT_REWARD, 1, 51_000, 500));
    send(BridgeProtocol.EVENT, 3, event(BridgeProtocol.EVENT_REWARD, 4, 52_000, 500));
    send(BridgeProtocol.EVENT, 4, event(BridgeProtocol.EVENT_TERMINAL, 1, 53_000, 0));
    FirmwareBridgeContract.await(() -> posted.size() == 3, 5_000, "three events posted");
    assertEquals(new Posted(EventKind.REWARD, 0.5, arrival + 1_000_000), posted.get(0));
    assertEquals(new Posted(EventKind.REWARD, 1.5, arrival + 2_000_000), posted.get(1), "three new edges");
    assertEquals(EventKind.TERMINAL, posted.get(2).kind());
  }

  @Test
  void mappedChannelsShouldPostTheProfilesRewardOrTerminalInsteadOfTheFirmwares() throws Exception {
    connect();
    // channel 2: +1 per press; channel 3: a terminal event with reward -5; channel 1 unmapped
    link.mapEvents(new EventMapping(new int[] {2, 3}, new double[] {1.0, -5.0}, new boolean[] {false, true}));
    send(BridgeProtocol.SENSOR_SAMPLE, 1, sample(50_000, 0, 0));
    awaitReceived(2);
    send(BridgeProtocol.EVENT, 2, event(BridgeProtocol.EVENT_TERMINAL, 2, 1, 51_000, 0));
    send(BridgeProtocol.EVENT, 3, event(BridgeProtocol.EVENT_REWARD, 2, 3, 52_000, 250)); // two new edges
    send(BridgeProtocol.EVENT, 4, event(BridgeProtocol.EVENT_REWARD, 3, 1, 53_000, 250));
    send(BridgeProtocol.EVENT, 5, event(BridgeProtocol.EVENT_REWARD, 1, 1, 54_000, 250));
    FirmwareBridgeContract.await(() -> posted.size() == 4, 5_000, "four events posted");
    assertEquals(EventKind.REWARD, posted.get(0).kind(), "the firmware's TERMINAL on channel 2 becomes a reward");
    assertEquals(1.0, posted.get(0).value());
    assertEquals(2.0, posted.get(1).value(), "the profile's reward per new edge");
    assertEquals(EventKind.TERMINAL, posted.get(2).kind());
    assertEquals(-5.0, posted.get(2).value());
    assertEquals(new Posted(EventKind.REWARD, 0.25, posted.get(3).timestampNs()), posted.get(3),
        "an unmapped channel keeps the firmware's kind and value");
  }

  @Test
  void linkShouldBeLostAfterTheFailsafeTimeoutAndReturnWithTheNextFrame() throws Exception {
    connect();
    send(BridgeProtocol.SENSOR_SAMPLE, 1, sample(0, 250, 0));
    awaitReceived(2);
    double[] x = new double[2];
    assertEquals(IoStatus.OK, link.readSample(x));
    clock.advance(100_000_000);
    assertEquals(IoStatus.OK, link.readSample(x), "exactly the timeout: still fresh");
    clock.advance(1);
    assertEquals(IoStatus.TIMEOUT, link.readSample(x), "stale after the timeout");
    FirmwareBridgeContract.await(() -> !link.linkUp(), 5_000, "the link declared lost");
    assertEquals(1, link.counters().get(BridgeCounter.FAILSAFE_EVENTS));
    assertEquals(IoStatus.FAILED, link.sendCommand(new double[] {1}, false));
    assertEquals(IoStatus.OK, link.sendCommand(null, true), "SAFE is still queued");
    send(BridgeProtocol.SENSOR_SAMPLE, 2, sample(200_000, 260, 0));
    FirmwareBridgeContract.await(link::linkUp, 5_000, "the link back");
    assertEquals(IoStatus.OK, link.readSample(x));
    assertEquals(0.26, x[0], 1e-12);
    assertEquals(1, link.counters().get(BridgeCounter.FAILSAFE_EVENTS));
    FirmwareBridgeContract.await(() -> fake.typesSent().contains(BridgeProtocol.ACTUATOR_COMMAND), 5_000,
        "the SAFE command written");
  }
}
