package io.nrledge.io.sim;

import io.nrledge.io.ActuatorOutput;
import io.nrledge.io.ActuatorOutputContract;
import io.nrledge.io.EventKind;
import io.nrledge.io.EventSource;
import io.nrledge.io.EventSourceContract;
import io.nrledge.io.SensorInput;
import io.nrledge.io.SensorInputContract;
import io.nrledge.io.SystemNanoClock;
import io.nrledge.io.ThresholdEvents;
import java.util.List;

/** The simulated boards' devices under the shared device contracts. */
final class SimContractTests {
  private SimContractTests() {}

  static class CartPoleSensorsTest extends SensorInputContract {
    @Override
    protected SensorInput create() {
      return SimRigs.create("cartpole", true, 0, 0, 1, SystemNanoClock.INSTANCE).sensors();
    }
  }

  static class RoverSensorsTest extends SensorInputContract {
    @Override
    protected SensorInput create() {
      return new Rover(1, -1, 1, SystemNanoClock.INSTANCE).sensors();
    }
  }

  /** The threshold decorator passes the contract through for the rover's sensors. */
  static class RoverWithThresholdTest extends SensorInputContract {
    @Override
    protected SensorInput create() {
      return new ThresholdEvents(new Rover(1, -1, 1, SystemNanoClock.INSTANCE).sensors(),
          List.of(new ThresholdEvents.Crossing("events[0]", 2, true, 0.5, 0.1, EventKind.REWARD, 1)),
          SystemNanoClock.INSTANCE);
    }
  }

  static class CartPoleDriveTest extends ActuatorOutputContract {
    @Override
    protected ActuatorOutput create() {
      return SimRigs.create("cartpole", true, 0, 0, 1, SystemNanoClock.INSTANCE).actuators();
    }

    @Override
    protected double[] safe() {
      return new double[] {0};
    }

    @Override
    protected double[] commands() {
      return new double[] {10};
    }
  }

  static class RoverWheelsTest extends ActuatorOutputContract {
    @Override
    protected ActuatorOutput create() {
      return new Rover(1, -1, 1, SystemNanoClock.INSTANCE).actuators();
    }

    @Override
    protected double[] safe() {
      return new double[] {0, 0};
    }

    @Override
    protected double[] commands() {
      return new double[] {0.3, -0.2};
    }
  }

  static class SimSwitchTest extends EventSourceContract {
    @Override
    protected EventSource create() {
      return new SimSwitch("bumper", SystemNanoClock.INSTANCE);
    }

    @Override
    protected void trigger() {
      ((SimSwitch) source).press(EventKind.REWARD, -1.5);
    }

    @Override
    protected EventKind expectedKind() {
      return EventKind.REWARD;
    }

    @Override
    protected double expectedValue() {
      return -1.5;
    }
  }
}
