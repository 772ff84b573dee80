package io.nrledge.io.pi4j;

import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiBus;
import io.nrledge.profiles.Hardware;

/**
 * A Microchip MCP3008 10-bit ADC on SPI, single-ended inputs in volts: one 3-byte full-duplex
 * transfer per input and pass (start bit; single-ended flag and channel; the 10-bit result in
 * the last two bytes). Uses {@code transfer} with full-length buffers: Pi4J 3.0.3's linuxfs
 * {@code write} ignores its length argument.
 */
final class Mcp3008Device extends SampledDevice {
  private static final int BAUD = 1_000_000;
  private final Hardware.Mcp3008 spec;
  private final StandInWorld world;
  private final byte[] request = new byte[3];
  private final byte[] response = new byte[3];
  private Spi spi;

  /** {@code world} answers the transfers on the mock platform; null on a real board. */
  Mcp3008Device(Hardware.Mcp3008 spec, StandInWorld world) {
    super(spec.key(), spec.maxAgeNs());
    this.spec = spec;
    this.world = world;
  }

  /** Fills {@code request} with the command that converts single-ended {@code input} (0–7). */
  static void requestFor(int input, byte[] request) {
    request[0] = 0x01; // start bit
    request[1] = (byte) ((0x08 | input) << 4); // single-ended, channel
    request[2] = 0;
  }

  /** The 10-bit result in a response. */
  static int resultOf(byte[] response) {
    return (response[1] & 0x03) << 8 | response[2] & 0xFF;
  }

  @Override
  public int channels() {
    return spec.inputs().length;
  }

  @Override
  public void open(Pi4jPlatform platform) {
    spi = platform.context.create(Spi.newConfigBuilder(platform.context).id("spi-" + spec.bus() + "-" + spec.chipSelect())
        .name(spec.key()).bus(SpiBus.getByNumber(spec.bus()))
        .address(spec.chipSelect()).baud(BAUD).mode(0).provider(platform.spi));
  }

  @Override
  void sample(SampleSlots slots, int first, long nowNs) {
    int[] inputs = spec.inputs();
    for (int i = 0; i < inputs.length; i++) {
      requestFor(inputs[i], request);
      if (world != null) {
        world.mcp3008(spec.key(), spi, request, spec.referenceVolts());
      }
      response[0] = response[1] = response[2] = (byte) 0xFF;
      int status = spi.transfer(request, 0, response, 0, 3);
      if (status < 0 || (response[1] & 0x04) != 0) { // the null bit before the result must read 0
        throw new BusException(spec.key() + ": MCP3008 on SPI" + spec.bus() + " CE" + spec.chipSelect()
            + " did not answer input " + inputs[i]);
      }
      slots.publish(first + i, resultOf(response) * spec.referenceVolts() / 1024.0, nowNs);
    }
  }
}
