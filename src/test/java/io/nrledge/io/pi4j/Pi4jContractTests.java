package io.nrledge.io.pi4j;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.nrledge.io.ActuatorOutput;
import io.nrledge.io.ActuatorOutputContract;
import io.nrledge.io.EventKind;
import io.nrledge.io.EventSource;
import io.nrledge.io.EventSourceContract;
import io.nrledge.io.SensorInput;
import io.nrledge.io.SensorInputContract;
import io.nrledge.io.SystemNanoClock;
import io.nrledge.profiles.Hardware;
import java.util.List;

/** The Pi4J devices, on the mock platform, under the shared device contracts. */
final class Pi4jContractTests {
  private Pi4jContractTests() {}

  /** Every sensor kind at once (with a threshold event on top), on the I/O thread. */
  static class Pi4jSensorsTest extends SensorInputContract {
    private Pi4jBoard board;

    @Override
    protected SensorInput create() {
      board = MockRig.board(SystemNanoClock.INSTANCE);
      return board.sensors();
    }

    @Override
    protected int breakOneDevice() {
      board.world().unplug("sensors[1]"); // the ADS1115: raw channels 1 and 2
      return 1;
    }

    @Override
    protected void cleanUp() {
      board.stop();
    }
  }

  /** A drive that applies commands as given until told to refuse. */
  static final class FlakyDrive extends Drive {
    volatile boolean broken;

    FlakyDrive() {
      super("actuators[3]");
    }

    @Override
    void open(Pi4jPlatform platform) {}

    @Override
    double apply(double command) {
      if (broken) {
        throw new IllegalStateException("actuators[3]: the driver chip stopped answering");
      }
      return clamp(command);
    }
  }

  /** Motor, servo, LED and a breakable drive, applied by the I/O thread. */
  static class Pi4jActuatorsTest extends ActuatorOutputContract {
    private Pi4jPlatform platform;
    private IoThread io;
    private FlakyDrive flaky;

    @Override
    protected ActuatorOutput create() {
      platform = Pi4jPlatform.mock();
      flaky = new FlakyDrive();
      Pi4jActuators actuators = new Pi4jActuators(platform, new Drive[] {
          new Drive.Motor("actuators[0]", 12, 0, 23, 24, 1000),
          new Drive.Servo("actuators[1]", 13, 1, 50, 1000, 2000),
          new Drive.Digital("actuators[2]", 22, false), flaky}, safe());
      Pi4jSensors none = new Pi4jSensors(platform, List.of(), MockRig.PERIOD_NS, SystemNanoClock.INSTANCE);
      io = new IoThread("test-io", none, actuators, MockRig.PERIOD_NS);
      none.attach(io);
      actuators.attach(io);
      return actuators;
    }

    @Override
    protected double[] safe() {
      return new double[] {0, -1, 0, 0};
    }

    @Override
    protected double[] commands() {
      return new double[] {0.5, 1, 1, 0.7};
    }

    @Override
    protected int breakOneChannel() {
      flaky.broken = true;
      return 3;
    }

    @Override
    protected void cleanUp() {
      io.shutdown();
      platform.close();
    }
  }

  /** A rising edge on GPIO27 without debounce. */
  static class GpioEdgeTest extends EventSourceContract {
    private Pi4jPlatform platform;

    @Override
    protected EventSource create() {
      platform = Pi4jPlatform.mock();
      return new GpioEdgeSource(new Hardware.GpioEdge("events[0]", 27, Hardware.Edge.RISING, Hardware.Pull.DOWN, 0,
          2.5, false), platform);
    }

    @Override
    protected void trigger() {
      MockDigitalInput pin = platform.context.registry().get(Pins.gpioId(27));
      pin.mockState(DigitalState.LOW);
      pin.mockState(DigitalState.HIGH);
    }

    @Override
    protected EventKind expectedKind() {
      return EventKind.REWARD;
    }

    @Override
    protected double expectedValue() {
      return 2.5;
    }

    @Override
    protected void cleanUp() {
      platform.close();
    }
  }
}
