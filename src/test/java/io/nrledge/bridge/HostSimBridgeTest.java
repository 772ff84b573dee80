package io.nrledge.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.io.IoStatus;
import io.nrledge.io.SystemNanoClock;
import io.nrledge.testing.AllocationWindows;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the real serial path: the host-built firmware simulator on a pseudo-terminal,
 * jSerialComm, the bridge's reader and writer threads. Every wait is bounded; the firmware
 * process is killed after each test.
 */
@Timeout(60)
class HostSimBridgeTest {
  static final int FAILSAFE_MS = 100;

  @TempDir
  Path work;
  private FirmwareProcess firmware;
  private BridgeLink link;

  @BeforeAll
  static void buildSimulator() throws Exception {
    FirmwareBuild.requireTools("the host firmware simulator", "make", "cc");
    FirmwareBuild.make("host");
  }

  @AfterEach
  void stop() {
    if (link != null) {
      link.close();
    }
    if (firmware != null) {
      firmware.close();
    }
  }

  private FirmwareProcess startFirmware(Path pty) {
    return FirmwareProcess.start(List.of(FirmwareBuild.build("bridge-host-sim").toString(), "--link", pty.toString(),
        "--seed", "3", "--max-seconds", "120"), work, pty, work.resolve("firmware.log"), 5_000);
  }

  private BridgeLink connect(Path pty) {
    BridgeSettings s = new BridgeSettings(pty.toString(), 115_200, 2, 1, 5_000, FAILSAFE_MS, BridgeProtocol.PLANT_TRACK,
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
    // push right for 300 ms: the cart's velocity must become clearly positive
    long end = System.nanoTime() + 300_000_000L;
    while (System.nanoTime() - end < 0) {
      assertEquals(IoStatus.OK, link.sendCommand(new double[] {1.0}, false));
      Thread.sleep(5);
    }
    assertEquals(IoStatus.OK, link.readSample(x));
    assertTrue(x[1] > 0.2, "velocity after pushing right: " + x[1]);
    end = System.nanoTime() + 600_000_000L;
    while (System.nanoTime() - end < 0) {
      link.sendCommand(new double[] {-1.0}, false);
      Thread.sleep(5);
    }
    link.readSample(x);
    assertTrue(x[1] < 0, "velocity after pushing left: " + x[1]);
    BridgeCounters c = link.counters();
    assertTrue(c.get(BridgeCounter.FRAMES_RECEIVED) > 100, "frames received: " + c.get(BridgeCounter.FRAMES_RECEIVED));
    assertTrue(c.get(BridgeCounter.FRAMES_SENT) > 100, "frames sent: " + c.get(BridgeCounter.FRAMES_SENT));
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
    assertTrue(engagedMs >= FAILSAFE_MS - 10, "engaged too early: " + engagedMs + " ms");
    await(() -> link.counters().mcu("failsafe_events") == 1, 1_000, "the MCU counting one failsafe event");
    assertEquals(0, link.counters().get(BridgeCounter.FAILSAFE_EVENTS), "host link stayed up");
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
    firmware.close();
    long killedNs = System.nanoTime();
    await(() -> link.readSample(x) == IoStatus.TIMEOUT, 1_000, "reads timing out");
    long lostMs = (System.nanoTime() - killedNs) / 1_000_000;
    assertTrue(lostMs <= FAILSAFE_MS + 100, "link loss noticed after " + lostMs + " ms");
    await(() -> link.counters().get(BridgeCounter.FAILSAFE_EVENTS) == 1, 1_000, "one host failsafe event");
    assertEquals(IoStatus.FAILED, link.sendCommand(new double[] {1.0}, false), "commands refused while lost");
    firmware = startFirmware(pty);
    await(() -> link.readSample(x) == IoStatus.OK, 3_000, "samples from the restarted firmware");
    assertEquals(1, link.counters().get(BridgeCounter.RECONNECTS));
    assertEquals(1, link.counters().get(BridgeCounter.FAILSAFE_EVENTS));
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
    long[] bytes = AllocationWindows.measure(() -> {
      for (int i = 0; i < 5; i++) {
        calls.run();
      }
    }, calls);
    AllocationWindows.assertAtMostOneWindowAllocated(bytes, "readSample/sendCommand");
  }
}
