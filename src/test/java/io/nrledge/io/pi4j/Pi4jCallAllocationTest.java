package io.nrledge.io.pi4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.spi.Spi;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.nrledge.io.SystemNanoClock;
import io.nrledge.runtime.AllocationMeter;
import io.nrledge.runtime.EventRing;
import io.nrledge.testing.AllocationWindows;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measures what each Pi4J call the board makes allocates on the calling thread, on the mock
 * platform (ThreadMXBean, after warm-up), and prints the table that docs/pi4j.md quotes. It pins
 * the two facts the design rests on: the mock SPI transfer and a mock edge event allocate (so SPI
 * runs on the I/O thread and edges are handled off the control thread), and the board's own
 * control-thread calls — sensor read, actuator write — allocate nothing.
 * Run: {@code mvn -B -o test -Dtest=Pi4jCallAllocationTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class Pi4jCallAllocationTest {
  private static final int WARMUP = 20_000;
  private static final int CALLS = 10_000;
  private static final long WARMUP_NS = 3_000_000_000L;

  private static double bytesPerCall(Runnable call) {
    return bytesPerCall(call, WARMUP, CALLS);
  }

  private static double bytesPerCall(Runnable call, int warmup, int calls) {
    for (int i = 0; i < warmup; i++) {
      call.run();
    }
    long before = AllocationMeter.currentThreadAllocatedBytes();
    for (int i = 0; i < calls; i++) {
      call.run();
    }
    return (AllocationMeter.currentThreadAllocatedBytes() - before) / (double) calls;
  }

  private static void repeatFor(Runnable call, long ns) {
    long end = System.nanoTime() + ns;
    while (System.nanoTime() - end < 0) {
      repeat(call, 1_000);
    }
  }

  private static void repeat(Runnable call, int times) {
    for (int i = 0; i < times; i++) {
      call.run();
    }
  }

  @Test
  void shouldKeepEveryAllocatingPi4jCallOffTheControlThread() {
    Pi4jBoard board = MockRig.board(SystemNanoClock.INSTANCE);
    try {
      board.start(new EventRing(1024));
      var registry = board.platform().context.registry();
      DigitalInput button = registry.get(Pins.gpioId(17));
      DigitalOutput led = registry.get(Pins.gpioId(22));
      Pwm motor = registry.get("pwm12");
      MockDigitalInput bumper = registry.get(Pins.gpioId(27));
      I2C i2c = board.platform().context.create(I2C.newConfigBuilder(board.platform().context).id("bench-i2c").bus(1)
          .device(0x49).provider(board.platform().i2c));
      Spi spi = board.platform().context.create(Spi.newConfigBuilder(board.platform().context).id("bench-spi").bus(0)
          .address(1).provider(board.platform().spi));
      byte[] word = new byte[2];
      byte[] tx = new byte[3];
      byte[] rx = new byte[3];
      boolean[] toggle = {false};
      double[] raw = new double[MockRig.CHANNELS];
      double[] commands = {0.3, 0.1, 1};

      Map<String, Double> table = new LinkedHashMap<>();
      table.put("DigitalInput.state()", bytesPerCall(button::state));
      table.put("DigitalOutput.state(s)", bytesPerCall(() -> led.state((toggle[0] = !toggle[0]) ? DigitalState.HIGH
          : DigitalState.LOW)));
      table.put("Pwm.on(duty) 1..100", bytesPerCall(() -> motor.on((toggle[0] = !toggle[0]) ? 30 : 60)));
      table.put("I2C writeRegister+readRegister (2 bytes)", bytesPerCall(() -> {
        i2c.writeRegister(0, word, 0, 2);
        i2c.readRegister(0, word, 0, 2);
      }, 2_000, 2_000));
      table.put("Spi.transfer (3 bytes)", bytesPerCall(() -> spi.transfer(tx, 0, rx, 0, 3), 2_000, 2_000));
      table.put("mock edge (mockState + listener + post)", bytesPerCall(() ->
          bumper.mockState((toggle[0] = !toggle[0]) ? DigitalState.HIGH : DigitalState.LOW)));
      table.put("board sensors.read (control thread)", bytesPerCall(() -> board.sensors().read(raw)));
      table.put("board actuators.write (control thread)", bytesPerCall(() -> board.actuators().write(commands)));

      System.out.println("Bytes allocated per call on the calling thread (Pi4J 3.0.3 mock platform):");
      table.forEach((call, bytes) -> System.out.println(String.format(Locale.ROOT, "  %-45s %8.1f", call, bytes)));

      assertTrue(table.get("Spi.transfer (3 bytes)") > 100, "the mock SPI logs every transfer");
      assertTrue(table.get("mock edge (mockState + listener + post)") > 0, "an edge event is an object");
      Runnable read = () -> board.sensors().read(raw);
      Runnable write = () -> board.actuators().write(commands);
      // warm up for longer than the stand-in world's slowest wave (2 s), so the threshold crossing
      // on channel 1 has fired and re-armed before measuring: its first firing is a one-off deoptimization
      AllocationWindows.assertAtMostOneWindowAllocated(AllocationWindows.measure(() -> repeatFor(read, WARMUP_NS),
          () -> repeat(read, CALLS)), "sensors.read, " + CALLS + "-call windows");
      AllocationWindows.assertAtMostOneWindowAllocated(AllocationWindows.measure(() -> repeat(write, WARMUP),
          () -> repeat(write, CALLS)), "actuators.write, " + CALLS + "-call windows");
    } finally {
      board.stop();
    }
  }
}
