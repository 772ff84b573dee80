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
}
