package io.nrledge.io;

/**
 * A set of actuator channels written once per tick, with a safe value per channel (motor off,
 * brake on). Implementations must never block past their own timeout or throw.
 */
public interface ActuatorOutput extends Device {

  /** Number of command channels {@link #write} reads. */
  int channels();

  /** Applies {@code commands[0..channels)}. Real-time safe. */
  IoStatus write(double[] commands);

  /** Drives every channel to its safe value. Real-time safe; the watchdog calls it every tick while in safe state. */
  IoStatus writeSafe();

  /** The channel that failed the last {@link #write}, or −1 when none did or the device cannot tell. Real-time safe. */
  default int failedChannel() {
    return -1;
  }

  /**
   * Fills {@code out[0..channels)} with the commands the device last applied (after a safe write:
   * its safe values), for reports; false when the device cannot tell. Not real-time safe.
   */
  default boolean readBack(double[] out) {
    return false;
  }
}
