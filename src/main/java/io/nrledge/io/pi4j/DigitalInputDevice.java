package io.nrledge.io.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import io.nrledge.profiles.Hardware;

/** A GPIO input as one channel: 1.0 while active (low when {@code activeLow}), else 0.0. */
final class DigitalInputDevice extends SampledDevice {
  private final Hardware.DigitalInput spec;
  private DigitalInput input;

  DigitalInputDevice(Hardware.DigitalInput spec) {
    super(spec.key(), spec.maxAgeNs());
    this.spec = spec;
  }

  @Override
  public int channels() {
    return 1;
  }

  @Override
  public void open(Pi4jPlatform platform) {
    input = Pins.input(platform, spec.key(), spec.pin(), spec.pull());
  }

  @Override
  void sample(SampleSlots slots, int first, long nowNs) {
    DigitalState state = input.state();
    if (state == DigitalState.UNKNOWN) {
      throw new BusException(spec.key() + ": GPIO" + spec.pin() + " state unknown");
    }
    boolean high = state == DigitalState.HIGH;
    slots.publish(first, high != spec.activeLow() ? 1.0 : 0.0, nowNs);
  }
}
