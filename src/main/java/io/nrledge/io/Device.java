package io.nrledge.io;

/**
 * Lifecycle shared by every device, after ros2_control's hardware components: {@link #configure}
 * opens and checks the hardware, {@link #activate} makes it live, {@link #deactivate} leaves it
 * safe. None of the three is real-time safe; the control loop never calls them.
 */
public interface Device {

  /** Short name used in reports ("cartpole-encoders", "gpio17"). */
  String name();

  /** Opens and checks the hardware; throws {@link IllegalStateException} with a clear message on failure. */
  default void configure() {}

  /** Makes the device live; after this, read/write/events may be used. */
  default void activate() {}

  /** Stops the device and leaves it in its safe state; idempotent. */
  default void deactivate() {}
}
