package io.nrledge.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ActuatorOutput} promises; one subclass per implementation. */
public abstract class ActuatorOutputContract {
  protected ActuatorOutput actuators;

  /** A fresh device, not yet configured. */
  protected abstract ActuatorOutput create();

  /** The safe value of each channel. */
  protected abstract double[] safe();

  /** A command vector in range that differs from the safe values on every channel. */
  protected abstract double[] commands();

  /** How far a read-back value may be from the command (the hardware's resolution). */
  protected double tolerance() {
    return 1e-9;
  }

  /** Releases what {@link #create} made; after each test. */
  protected void cleanUp() {}

  /**
   * Makes one channel's device refuse every write from now on and returns that channel, or −1
   * when this implementation cannot be broken from a test.
   */
  protected int breakOneChannel() {
    return -1;
  }

  @BeforeEach
  void createDevice() {
    actuators = create();
    actuators.configure();
    actuators.activate();
  }

  @AfterEach
  void release() {
    actuators.deactivate();
    cleanUp();
  }

  /** Read back, retried for up to 2 s while it disagrees with {@code expected} (devices that apply asynchronously). */
  private double[] readBackApproaching(double[] expected) {
    double[] out = new double[actuators.channels()];
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (true) {
      assertTrue(actuators.readBack(out), "readBack reports what was applied");
      boolean close = true;
      for (int c = 0; c < out.length; c++) {
        close &= Math.abs(out[c] - expected[c]) <= tolerance();
      }
      if (close || System.nanoTime() - deadline > 0) {
        return out;
      }
      LockSupport.parkNanos(1_000_000L);
    }
  }

  @Test
  void shouldReportTheAppliedCommandsByReadBack() {
    assertEquals(IoStatus.OK, actuators.write(commands()));
    assertArrayEquals(commands(), readBackApproaching(commands()), tolerance());
  }

  @Test
  void shouldDriveEveryChannelToItsSafeValue() {
    actuators.write(commands());
    readBackApproaching(commands());

    assertEquals(IoStatus.OK, actuators.writeSafe());

    assertArrayEquals(safe(), readBackApproaching(safe()), tolerance());
  }

  @Test
  void shouldNameNoFailedChannelAfterAGoodWrite() {
    assertEquals(IoStatus.OK, actuators.write(commands()));
    assertEquals(-1, actuators.failedChannel());
  }

  @Test
  void shouldReturnAStatusInsteadOfThrowingOnWildCommands() {
    double[] wild = new double[actuators.channels()];
    for (int c = 0; c < wild.length; c++) {
      wild[c] = c % 3 == 0 ? Double.NaN : c % 3 == 1 ? 1e300 : -1e300;
    }
    assertDoesNotThrow(() -> actuators.write(wild));
    assertDoesNotThrow(() -> actuators.writeSafe());
  }

  @Test
  void shouldNameTheChannelThatRefusedAWrite() {
    int broken = breakOneChannel();
    assumeTrue(broken >= 0, "this implementation cannot be broken from a test");
    long deadline = System.nanoTime() + 2_000_000_000L;
    IoStatus status;
    while ((status = actuators.write(commands())) == IoStatus.OK && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(1_000_000L);
    }

    assertEquals(IoStatus.FAILED, status);
    assertEquals(broken, actuators.failedChannel());
  }
}
