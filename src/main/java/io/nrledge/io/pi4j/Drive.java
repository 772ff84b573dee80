package io.nrledge.io.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;

/**
 * One actuator channel on Pi4J: turns a command into pin states and returns the command the
 * hardware now carries (after clamping and the PWM's 1 % duty steps). Only the I/O thread (and
 * the stopping thread, once the I/O thread no longer applies) calls {@link #apply}, never the
 * control thread: Pi4J's sysfs and gpiod writes may allocate and block.
 */
abstract class Drive {
  final String key;

  Drive(String key) {
    this.key = key;
  }

  abstract void open(Pi4jPlatform platform);

  /** Applies {@code command}; returns what is applied, in command units. Throws when the hardware refused. */
  abstract double apply(double command);

  static DigitalOutput output(Pi4jPlatform platform, String name, int pin, DigitalState initial) {
    return platform.context.create(DigitalOutput.newConfigBuilder(platform.context).id(Pins.gpioId(pin)).name(name)
        .address(pin).initial(initial).shutdown(initial).provider(platform.digitalOutput));
  }

  static Pwm pwm(Pi4jPlatform platform, String name, int pin, int channel, int frequencyHz) {
    return platform.context.create(Pwm.newConfigBuilder(platform.context).id("pwm" + pin).name(name).address(channel)
        .pwmType(PwmType.HARDWARE).frequency(frequencyHz).initial(0).shutdown(0).provider(platform.pwm));
  }

  static double clamp(double c) {
    return Double.isNaN(c) ? 0 : Math.max(-1, Math.min(1, c));
  }

  /** A GPIO output: active while the command is ≥ 0.5; applied 1.0 or 0.0. */
  static final class Digital extends Drive {
    private final int pin;
    private final boolean activeLow;
    private DigitalOutput out;

    Digital(String key, int pin, boolean activeLow) {
      super(key);
      this.pin = pin;
      this.activeLow = activeLow;
    }

    @Override
    void open(Pi4jPlatform platform) {
      out = output(platform, key, pin, activeLow ? DigitalState.HIGH : DigitalState.LOW);
    }

    @Override
    double apply(double command) {
      boolean on = command >= 0.5;
      out.state(on != activeLow ? DigitalState.HIGH : DigitalState.LOW);
      return on ? 1.0 : 0.0;
    }
  }

  /**
   * A DC motor through an H-bridge: |command| is the duty cycle on the PWM pin (whole percent),
   * the sign chooses the forward or backward pin, both low at 0. On a change of direction both
   * direction pins go low before the duty changes, so the bridge never sees both high.
   */
  static final class Motor extends Drive {
    private final int pwmPin;
    private final int pwmChannel;
    private final int forwardPin;
    private final int backwardPin;
    private final int frequencyHz;
    private Pwm pwm;
    private DigitalOutput forward;
    private DigitalOutput backward;
    private int direction;

    Motor(String key, int pwmPin, int pwmChannel, int forwardPin, int backwardPin, int frequencyHz) {
      super(key);
      this.pwmPin = pwmPin;
      this.pwmChannel = pwmChannel;
      this.forwardPin = forwardPin;
      this.backwardPin = backwardPin;
      this.frequencyHz = frequencyHz;
    }

    @Override
    void open(Pi4jPlatform platform) {
      forward = output(platform, key + " forward", forwardPin, DigitalState.LOW);
      backward = output(platform, key + " backward", backwardPin, DigitalState.LOW);
      pwm = pwm(platform, key, pwmPin, pwmChannel, frequencyHz);
      direction = 0;
    }

    @Override
    double apply(double command) {
      double c = clamp(command);
      int duty = (int) Math.round(Math.abs(c) * 100);
      int dir = duty == 0 ? 0 : c > 0 ? 1 : -1;
      if (dir != direction) {
        forward.low();
        backward.low();
        direction = 0;
      }
      if (duty == 0) {
        pwm.off();
      } else {
        pwm.on(duty); // 1..100 are cached Integers: no boxing allocation
      }
      if (dir != direction) {
        (dir > 0 ? forward : backward).high();
        direction = dir;
      }
      return dir * duty / 100.0;
    }
  }

  /**
   * A hobby servo: command [−1, 1] → pulse [min, max] µs at {@code frequency} Hz. Pi4J 3.0.3 sets
   * the duty cycle in whole percent, so the pulse moves in steps of {@code 10⁴ / frequency} µs
   * (200 µs at 50 Hz: six positions over 1–2 ms); the duty is kept within the servo's pulse
   * limits, never past them.
   */
  static final class Servo extends Drive {
    private final int pin;
    private final int pwmChannel;
    private final int frequencyHz;
    private final int minPulseUs;
    private final int maxPulseUs;
    private final int minDuty;
    private final int maxDuty;
    private Pwm pwm;

    Servo(String key, int pin, int pwmChannel, int frequencyHz, int minPulseUs, int maxPulseUs) {
      super(key);
      this.pin = pin;
      this.pwmChannel = pwmChannel;
      this.frequencyHz = frequencyHz;
      this.minPulseUs = minPulseUs;
      this.maxPulseUs = maxPulseUs;
      this.minDuty = (int) Math.ceil(minPulseUs * (double) frequencyHz / 1e4 - 1e-9);
      this.maxDuty = (int) Math.floor(maxPulseUs * (double) frequencyHz / 1e4 + 1e-9);
      if (minDuty > maxDuty || maxDuty > 100) {
        throw new IllegalArgumentException(key + ": at " + frequencyHz + " Hz a 1 % duty step is " + 10_000 / frequencyHz
            + " us; no whole-percent duty lies within " + minPulseUs + "-" + maxPulseUs + " us");
      }
    }

    /** Distinct positions the servo can take at this frequency. */
    int positions() {
      return maxDuty - minDuty + 1;
    }

    @Override
    void open(Pi4jPlatform platform) {
      pwm = pwm(platform, key, pin, pwmChannel, frequencyHz);
    }

    @Override
    double apply(double command) {
      double pulseUs = minPulseUs + (clamp(command) + 1) / 2 * (maxPulseUs - minPulseUs);
      int duty = (int) Math.max(minDuty, Math.min(maxDuty, Math.round(pulseUs * frequencyHz / 1e4)));
      pwm.on(duty);
      double appliedUs = duty * 1e4 / frequencyHz;
      return 2 * (appliedUs - minPulseUs) / (maxPulseUs - minPulseUs) - 1;
    }
  }
}
