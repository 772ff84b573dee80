package io.nrledge.io.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.nrledge.io.NanoClock;
import io.nrledge.profiles.Hardware;
import io.nrledge.profiles.Hardware.Edge;
import io.nrledge.profiles.Hardware.ImuAxis;
import io.nrledge.profiles.Hardware.Pull;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A Raspberry Pi 4 with one device of every kind, on Pi4J's mock platform, and handles on its
 * mock pins. Raw sensor channels: 0 button (GPIO17, active low), 1–2 ADS1115 inputs 0 and 1,
 * 3–4 MCP3008 inputs 0 and 3, 5–6 MPU-6050 accel z and gyro x, 7 quadrature count (GPIO5/6).
 * Actuators: 0 motor (PWM GPIO12, forward 23, backward 24), 1 servo (GPIO13, 50 Hz, 1–2 ms),
 * 2 LED (GPIO22). Events: 0 bumper (GPIO27 falling, 20 ms debounce, reward −1), 1 limit switch
 * (GPIO26 rising, terminal), 2 ADS1115 input 0 above 1.0 V (reward +1).
 */
final class MockRig {
  static final int CHANNELS = 8;
  static final double[] SAFE = {0, 0, 0};
  static final long PERIOD_NS = 5_000_000L;
  /** Generous, so a loaded CI machine that stalls the I/O thread does not time a sample out. */
  static final long MAX_AGE_NS = 300_000_000L;
  /** Half of the servo's command step: 1 % duty at 50 Hz is 200 us of its 1000 us span, 0.4 in command units. */
  static final double SERVO_HALF_STEP = 0.2 + 1e-9;

  private MockRig() {}

  static Hardware hardware() {
    return new Hardware(Hardware.BoardModel.RASPBERRY_PI_4,
        List.of(new Hardware.DigitalInput("sensors[0]", 17, Pull.UP, true, MAX_AGE_NS),
            new Hardware.Ads1115("sensors[1]", 1, 0x48, new int[] {0, 1}, 4.096, MAX_AGE_NS),
            new Hardware.Mcp3008("sensors[2]", 0, 0, new int[] {0, 3}, 3.3, MAX_AGE_NS),
            new Hardware.Mpu6050("sensors[3]", 1, 0x68, List.of(ImuAxis.ACCEL_Z, ImuAxis.GYRO_X), MAX_AGE_NS),
            new Hardware.Counter("sensors[4]", 5, 6, Edge.BOTH, Pull.UP, false, 0)),
        List.of(new Hardware.PwmMotor("actuators[0]", 12, 23, 24, 1000),
            new Hardware.Servo("actuators[1]", 13, 50, 1000, 2000),
            new Hardware.DigitalOutput("actuators[2]", 22, false)),
        List.of(new Hardware.GpioEdge("events[0]", 27, Edge.FALLING, Pull.UP, 20_000_000L, -1.0, false),
            new Hardware.GpioEdge("events[1]", 26, Edge.RISING, Pull.DOWN, 0, 0.0, true),
            new Hardware.Threshold("events[2]", 1, true, 1.0, 0.1, 1.0, false)));
  }

  static Pi4jBoard board(NanoClock clock) {
    return new Pi4jBoard(hardware(), Pi4jPlatform.mock(), SAFE, PERIOD_NS, clock);
  }

  static MockDigitalInput input(Pi4jBoard board, int pin) {
    return board.platform().context.registry().get(Pins.gpioId(pin));
  }

  static DigitalOutput output(Pi4jBoard board, int pin) {
    return board.platform().context.registry().get(Pins.gpioId(pin));
  }

  static Pwm pwm(Pi4jBoard board, int pin) {
    return board.platform().context.registry().get("pwm" + pin);
  }

  /** The duty cycle a PWM puts out: 0 while it is off (Pi4J keeps the last duty cycle when switched off). */
  static int duty(Pwm pwm) {
    return pwm.isOn() ? pwm.dutyCycle() : 0;
  }

  static void set(Pi4jBoard board, int pin, boolean high) {
    input(board, pin).mockState(high ? DigitalState.HIGH : DigitalState.LOW);
  }

  /** Waits up to 2 s for {@code condition}; false when it never held. */
  static boolean eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(1_000_000L);
    }
    return true;
  }
}
