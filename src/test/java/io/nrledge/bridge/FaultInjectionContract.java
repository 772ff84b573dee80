package io.nrledge.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.io.IoStatus;
import io.nrledge.io.SystemNanoClock;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * System tests of PROTOCOL.md's promises under faults, with the fault relay between a firmware
 * and the host: each damaged frame is rejected (none accepted), costs exactly one resync and,
 * when the frame itself is gone, one sequence gap on the receiving side; a cut link engages both
 * failsafes within their time; a firmware reset mid-stream is recognised and the link recovers.
 * A control thread commands the firmware every 5 ms throughout, as the loop would.
 */
@Timeout(120)
abstract class FaultInjectionContract {
  private static final int FRAMES = 10;

  @TempDir
  Path work;
  private FirmwareProcess firmware;
  private FaultRelay relay;
  private BridgeLink link;
  private Thread control;
  private volatile boolean controlling;

  abstract FirmwareProcess startFirmware(Path pty);

  abstract int failsafeMs();

  @BeforeEach
  void start() throws Exception {
    Path firmwarePty = work.resolve("firmware-pty");
    Path hostPty = work.resolve("host-pty");
    firmware = startFirmware(firmwarePty);
    relay = new FaultRelay(firmwarePty, hostPty, 7);
    BridgeSettings s = new BridgeSettings(hostPty.toString(), 115_200, 2, 1, 5_000, failsafeMs(),
        BridgeProtocol.PLANT_TRACK, 5_000_000_000L);
    link = new BridgeLink(s, new JSerialCommLink(hostPty.toString(), s.baud(), 20), SystemNanoClock.INSTANCE);
    link.connect();
    controlling = true;
    control = new Thread(() -> {
      double[] u = {0.1};
      while (controlling) {
        u[0] = -u[0];
        link.sendCommand(u, false);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "test-control");
    control.start();
    double[] x = new double[2];
    FirmwareBridgeContract.await(() -> link.readSample(x) == IoStatus.OK, 2_000, "a first sample");
  }

  @AfterEach
  void stop() throws InterruptedException {
    controlling = false;
    if (control != null) {
      control.join(2_000);
    }
    if (link != null) {
      link.close();
    }
    if (relay != null) {
      relay.close();
    }
    if (firmware != null) {
      firmware.close();
    }
  }

  private long host(BridgeCounter c) {
    return link.counters().get(c);
  }

  /** Waits until the host has received {@code n} more frames: everything injected before is processed. */
  private void settle(int n) throws InterruptedException {
    long target = host(BridgeCounter.FRAMES_RECEIVED) + n;
    FirmwareBridgeContract.await(() -> host(BridgeCounter.FRAMES_RECEIVED) >= target, 5_000, n + " more frames");
  }

  /** Waits for two fresh MCU heartbeats, so its counters include everything before. */
  private void settleMcu() throws InterruptedException {
    long target = link.counters().mcu("heartbeats") + 2;
    FirmwareBridgeContract.await(() -> link.counters().mcu("heartbeats") >= target, 3_000, "two MCU heartbeats");
  }

  private void expectUp(String fault, int resyncs, int gaps) throws Exception {
    long r0 = host(BridgeCounter.RESYNCS);
    long g0 = host(BridgeCounter.SEQUENCE_GAPS);
    relay.command("up " + fault + " " + FRAMES, 5_000);
    settle(5);
    assertEquals(resyncs, host(BridgeCounter.RESYNCS) - r0, "up " + fault + ": resyncs " + link.counters().toMap());
    assertEquals(gaps, host(BridgeCounter.SEQUENCE_GAPS) - g0, "up " + fault + ": sequence gaps " + link.counters().toMap());
  }

  private void expectDown(String fault, int rejected, int gaps) throws Exception {
    settleMcu();
    LongSupplier mcuRejected = () -> link.counters().mcu("crc_errors") + link.counters().mcu("rejected");
    long r0 = mcuRejected.getAsLong();
    long g0 = link.counters().mcu("sequence_gaps");
    relay.command("down " + fault + " " + FRAMES, 5_000);
    settleMcu();
    assertEquals(rejected, mcuRejected.getAsLong() - r0, "down " + fault + ": MCU rejected frames");
    assertEquals(gaps, link.counters().mcu("sequence_gaps") - g0, "down " + fault + ": MCU sequence gaps");
  }

  @Test
  void damagedFramesToTheHostShouldEachBeRejectedOnceAndCountedExactly() throws Exception {
    for (String fault : new String[] {"flip", "drop", "dup", "truncate", "oversize"}) {
      expectUp(fault, FRAMES, FRAMES);
    }
    expectUp("garbage", FRAMES, 0);
    expectUp("lose", 0, FRAMES);
    long crc = host(BridgeCounter.CRC_ERRORS);
    assertTrue(crc > 0 && crc <= 4 * FRAMES, "CRC errors among the damaged frames: " + crc);
    assertTrue(link.counters().errors(BridgeProtocol.ERR_OVERSIZE) >= FRAMES, link.counters().toMap().toString());
    double[] x = new double[2];
    assertEquals(IoStatus.OK, link.readSample(x));
    assertTrue(Math.abs(x[0]) <= 1.2 && Math.abs(x[1]) < 20, "sample still sane: " + x[0] + ", " + x[1]);
  }

  @Test
  void damagedFramesToTheFirmwareShouldEachBeRejectedOnceAndCountedExactly() throws Exception {
    for (String fault : new String[] {"flip", "drop", "dup", "truncate", "oversize"}) {
      expectDown(fault, FRAMES, FRAMES);
    }
    expectDown("garbage", FRAMES, 0);
    expectDown("lose", 0, FRAMES);
  }

  @Test
  void cutLinkShouldEngageBothFailsafesWithinTheirTimeAndRecover() throws Exception {
    settleMcu();
    long host0 = host(BridgeCounter.FAILSAFE_EVENTS);
    long mcu0 = link.counters().mcu("failsafe_events");
    double[] x = new double[2];
    long cutNs = System.nanoTime();
    Thread cut = new Thread(() -> {
      try {
        relay.command("cut " + 4 * failsafeMs(), 10_000);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    cut.start();
    FirmwareBridgeContract.await(() -> link.readSample(x) == IoStatus.TIMEOUT, 2 * failsafeMs() + 500, "reads timing out");
    long noticedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cutNs);
    assertTrue(noticedMs >= failsafeMs() - 20, "link loss declared too early: " + noticedMs + " ms");
    cut.join(10_000);
    assertEquals(host0 + 1, host(BridgeCounter.FAILSAFE_EVENTS), "one host failsafe event");
    FirmwareBridgeContract.await(() -> link.readSample(x) == IoStatus.OK, 3_000, "samples after the cut");
    settleMcu();
    assertEquals(mcu0 + 1, link.counters().mcu("failsafe_events"), "one MCU failsafe event");
    assertTrue(!link.mcuFailsafe(), "commands end the MCU's failsafe");
  }

  @Test
  void firmwareResetMidStreamShouldBeRecognisedAndTheLinkShouldRecover() throws Exception {
    long resets0 = host(BridgeCounter.PEER_RESETS);
    long gaps0 = host(BridgeCounter.SEQUENCE_GAPS);
    long resyncs0 = host(BridgeCounter.RESYNCS);
    Process kill = new ProcessBuilder("kill", "-USR1", Long.toString(firmware.pid())).start();
    assertTrue(kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -USR1");
    FirmwareBridgeContract.await(() -> host(BridgeCounter.PEER_RESETS) == resets0 + 1, 3_000, "the reset seen");
    // the firmware lost its configuration: the host sends CONFIG again, the track is back
    FirmwareBridgeContract.await(() -> link.hello().endsWith("plant 1"), 3_000, "the configuration restored");
    settle(20);
    assertEquals(gaps0, host(BridgeCounter.SEQUENCE_GAPS), "a reset is not a gap");
    assertTrue(host(BridgeCounter.RESYNCS) - resyncs0 <= 1, "at most the frame cut by the reset is rejected");
    double[] x = new double[2];
    assertEquals(IoStatus.OK, link.readSample(x));
  }
}
