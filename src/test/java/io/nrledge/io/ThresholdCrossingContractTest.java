package io.nrledge.io;

import java.util.List;

/** {@link ThresholdEvents.Crossing} under the event-source contract, fed through its decorator's reads. */
class ThresholdCrossingContractTest extends EventSourceContract {
  private final double[] level = {0};
  private final double[] out = new double[1];
  private ThresholdEvents reader;

  /** One settable channel. */
  private final class Dial implements SensorInput {
    @Override
    public String name() {
      return "dial";
    }

    @Override
    public int channels() {
      return 1;
    }

    @Override
    public IoStatus read(double[] o) {
      o[0] = level[0];
      return IoStatus.OK;
    }
  }

  @Override
  protected EventSource create() {
    ThresholdEvents.Crossing crossing = new ThresholdEvents.Crossing("events[0]", 0, true, 1.0, 0.2,
        EventKind.REWARD, 0.5);
    reader = new ThresholdEvents(new Dial(), List.of(crossing), SystemNanoClock.INSTANCE);
    return crossing;
  }

  @Override
  protected void trigger() {
    level[0] = 0.5; // back below 1.0 − 0.2: armed
    reader.read(out);
    level[0] = 1.5; // across 1.0: fires once
    reader.read(out);
    reader.read(out); // staying above does not fire again
  }

  @Override
  protected EventKind expectedKind() {
    return EventKind.REWARD;
  }

  @Override
  protected double expectedValue() {
    return 0.5;
  }
}
