package io.nrledge.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.io.IoStatus;
import io.nrledge.io.SystemNanoClock;
import io.nrledge.testing.AllocationWindows;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge end to end through the real serial path (a firmware on a pseudo-terminal,
 * jSerialComm, the bridge's reader and writer threads), run against every firmware build. Every
 * wait is bounded; the firmware process is killed after each test.
 */
@Timeout(60)
abstract class FirmwareBridgeContract {

  @TempDir
  Path work;
  private FirmwareProcess firmware;
  private BridgeLink link;

  /** Starts the firmware serving the bridge behind the symlink {@code pty}. */
  abstract FirmwareProcess startFirmware(Path pty);

  /** The failsafe timeout to configure: longer than the firmware's worst stall on this machine. */
  abstract int failsafeMs();

  @AfterEach
  void stop() {
    if (link != null) {
      link.close();
    }
    if (firmware != null) {
      firmware.close();
    }
  }

  private BridgeLink connect(Path pty) {
    BridgeSettings s = new BridgeSettings(pty.toString(), 115_200, 2, 1, 5_000, failsafeMs(), BridgeProtocol.PLANT_TRACK,
        5_000_000_000L);
    BridgeLink l = new BridgeLink(s, new JSerialCommLink(pty.toString(), s.baud(), 20), SystemNanoClock.INSTANCE);
    l.connect();
    return l;
  }

  static void await(BooleanSupplier condition, long timeoutMs, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + timeoutMs + " ms: " + what);
      }
      Thread.sleep(2);
    }
  }

  @Test
  void commandsShouldDriveTheFirmwarePlantAndSamplesShouldFlowWithoutErrors() throws Exception {
    Path pty = work.resolve("pty");
    firmware = startFirmware(pty);
    link = connect(pty);
    double[] x = new double[2];
    await(() -> link.readSample(x) == IoStatus.OK, 1_000, "a first sample");
    // pushing right makes the cart's velocity clearly positive, then pushing left negative
    push(1.0, () -> x[1] > 0.2, x, "velocity > 0.2 m/s pushing right");
    push(-1.0, () -> x[1] < -0.2, x, "velocity < -0.2 m/s pushing left");
    BridgeCounters c = link.counters();
    assertTrue(c.get(BridgeCounter.FRAMES_RECEIVED) > 20, "frames received: " + c.get(BridgeCounter.FRAMES_RECEIVED));
    assertTrue(c.get(BridgeCounter.FRAMES_SENT) > 20, "frames sent: " + c.get(BridgeCounter.FRAMES_SENT));
    assertEquals(0, c.get(BridgeCounter.CRC_ERRORS));
    assertEquals(0, c.get(BridgeCounter.RESYNCS));
    assertEquals(0, c.get(BridgeCounter.SEQUENCE_GAPS));
    assertEquals(0, c.get(BridgeCounter.FAILSAFE_EVENTS));
    await(() -> link.counters().mcu("heartbeats") > 0, 1_000, "an MCU heartbeat");
    await(() -> link.counters().mcu("heartbeats") > 1, 1_000, "a second MCU heartbeat");
    assertEquals(0, c.mcu("crc_errors"), "MCU crc errors");
    assertEquals(0, c.mcu("rejected"), "MCU rejected frames");
    assertEquals(0, c.mcu("sequence_gaps"), "MCU sequence gaps");
  }

  /** Sends {@code u} every 5 ms until {@code reached} holds for the latest sample in {@code x} (at most 3 s). */
  private void push(double u, BooleanSupplier reached, double[] x, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 3_000_000_000L;
    do {
      assertEquals(IoStatus.OK, link.sendCommand(new double[] {u}, false));
      Thread.sleep(5);
      link.readSample(x);
    } while (!reached.getAsBoolean() && System.nanoTime() - deadline < 0);
    assertTrue(reached.getAsBoolean(), what + ": velocity " + x[1]);
  }

  @Test
  void firmwareFailsafeShouldEngageWhenCommandsStop() throws Exception {
    Path pty = work.resolve("pty");
    firmware = startFirmware(pty);
    link = connect(pty);
    for (int i = 0; i < 20; i++) {
      link.sendCommand(new double[] {0.5}, false);
      Thread.sleep(5);
    }
    assertFalse(link.mcuFailsafe(), "failsafe while commanded");
    long stoppedNs = System.nanoTime();
    await(link::mcuFailsafe, 1_000, "the MCU's failsafe flag");
    long engagedMs = (System.nanoTime() - stoppedNs) / 1_000_000;
    // engages after 100 ms; the flag arrives with the next 5 ms sample (plus pty and scheduling slack)
    assertTrue(engagedMs >= failsafeMs() - 10, "engaged too early: " + engagedMs + " ms");
    await(() -> link.counters().mcu("failsafe_events") == 1, 1_000, "the MCU counting one failsafe event");
    link.sendCommand(new double[] {0.5}, false);
    await(() -> !link.mcuFailsafe(), 1_000, "a command leaving the failsafe");
  }

  @Test
  void hostShouldDeclareTheLinkLostThenReconnectToARestartedFirmware() throws Exception {
    Path pty = work.resolve("pty");
    firmware = startFirmware(pty);
    link = connect(pty);
    double[] x = new double[2];
    await(() -> link.readSample(x) == IoStatus.OK, 1_000, "a first sample");
    long lossesBefore = link.counters().get(BridgeCounter.FAILSAFE_EVENTS); // 0 unless the machine stalled
    firmware.close();
    long killedNs = System.nanoTime();
    await(() -> link.readSample(x) == IoStatus.TIMEOUT, 1_000, "reads timing out");
    long lostMs = (System.nanoTime() - killedNs) / 1_000_000;
    assertTrue(lostMs <= failsafeMs() + 200, "link loss noticed after " + lostMs + " ms");
    await(() -> link.counters().get(BridgeCounter.FAILSAFE_EVENTS) == lossesBefore + 1, 1_000, "one host failsafe event");
    assertEquals(IoStatus.FAILED, link.sendCommand(new double[] {1.0}, false), "commands refused while lost");
    firmware = startFirmware(pty);
    await(() -> link.readSample(x) == IoStatus.OK, 3_000, "samples from the restarted firmware");
    assertEquals(1, link.counters().get(BridgeCounter.RECONNECTS));
    assertEquals(0, link.counters().get(BridgeCounter.CRC_ERRORS));
  }

  @Test
  void noiseSourceOnTheFirmwareShouldBeBitExactWithTheGoldenVectors() throws Exception {
    Path pty = work.resolve("pty");
    firmware = startFirmware(pty);
    link = connect(pty);
    NoiseGolden.assertBitExact(link, 42, 1000);
    NoiseGolden.assertBitExact(link, 1, 1000);
  }

  @Test
  void controlThreadCallsShouldNotAllocate() throws Exception {
    Path pty = work.resolve("pty");
    firmware = startFirmware(pty);
    link = connect(pty);
    double[] x = new double[2];
    double[] u = {0.25};
    await(() -> link.readSample(x) == IoStatus.OK, 1_000, "a first sample");
    Runnable calls = () -> {
      for (int i = 0; i < 20_000; i++) {
        link.readSample(x);
        if ((i & 63) == 0) {
          link.sendCommand(u, false);
        }
      }
    };
    // a long warm-up: the queue-full branch (the writer waits on a slow UART) must be compiled in
    // before measuring, or its first use is a deoptimization that allocates in the VM
    long[] bytes = AllocationWindows.measure(() -> {
      for (int i = 0; i < 50; i++) {
        calls.run();
      }
    }, calls);
    AllocationWindows.assertAtMostOneWindowAllocated(bytes, "readSample/sendCommand");
  }
}
