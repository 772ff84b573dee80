package io.nrledge.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SensorInput} promises; one subclass per implementation. */
public abstract class SensorInputContract {
  protected SensorInput sensors;

  /** A fresh device, not yet configured. */
  protected abstract SensorInput create();

  /** Releases what {@link #create} made (a Pi4J context); after each test. */
  protected void cleanUp() {}

  /**
   * Breaks one device for good (a chip whose wires came off) and returns the raw channel a read
   * should then name as failed, or −1 when this implementation cannot be broken from a test.
   */
  protected int breakOneDevice() {
    return -1;
  }

  @BeforeEach
  void createDevice() {
    sensors = create();
  }

  @AfterEach
  void release() {
    sensors.deactivate();
    cleanUp();
  }

  private void start() {
    sensors.configure();
    sensors.activate();
  }

  @Test
  void shouldFillEveryChannelWithAFiniteReadingOnceActive() {
    start();
    double[] out = new double[sensors.channels()];
    java.util.Arrays.fill(out, Double.NaN);

    assertEquals(IoStatus.OK, sensors.read(out));

    for (int c = 0; c < out.length; c++) {
      assertTrue(Double.isFinite(out[c]), "channel " + c + ": " + out[c]);
    }
  }

  @Test
  void shouldNameNoFailedChannelAfterAGoodRead() {
    start();
    assertEquals(IoStatus.OK, sensors.read(new double[sensors.channels()]));
    assertEquals(-1, sensors.failedChannel());
  }

  @Test
  void shouldReturnAStatusInsteadOfThrowingBeforeActivation() {
    double[] out = new double[sensors.channels()];
    assertDoesNotThrow(() -> sensors.read(out));
  }

  @Test
  void shouldNameTheChannelOfADeviceThatFailed() {
    start();
    int expected = breakOneDevice();
    assumeTrue(expected >= 0, "this implementation cannot be broken from a test");
    double[] out = new double[sensors.channels()];
    long deadline = System.nanoTime() + 2_000_000_000L;
    IoStatus status;
    while ((status = sensors.read(out)) == IoStatus.OK && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(1_000_000L);
    }

    assertNotEquals(IoStatus.OK, status);
    assertEquals(expected, sensors.failedChannel());
  }

  @Test
  void shouldDeactivateTwiceWithoutComplaint() {
    start();
    sensors.deactivate();
    assertDoesNotThrow(sensors::deactivate);
  }
}
