package io.nrledge.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Crossings with hysteresis, as the tick sees them. */
class ThresholdEventsTest {
  private final double[] level = {0};
  private final List<Double> posted = new ArrayList<>();

  private ThresholdEvents watching(ThresholdEvents.Crossing crossing) {
    SensorInput dial = new SensorInput() {
      @Override
      public String name() {
        return "dial";
      }

      @Override
      public int channels() {
        return 2;
      }

      @Override
      public IoStatus read(double[] out) {
        out[0] = 0;
        out[1] = level[0];
        return IoStatus.OK;
      }
    };
    crossing.connect((kind, value, t) -> posted.add(value));
    crossing.activate();
    return new ThresholdEvents(dial, List.of(crossing), SystemNanoClock.INSTANCE);
  }

  private void feed(ThresholdEvents reader, double... levels) {
    double[] out = new double[2];
    for (double l : levels) {
      level[0] = l;
      reader.read(out);
    }
  }

  @Test
  void shouldFireOnceABelowCrossingAndRearmOnlyPastTheHysteresis() {
    ThresholdEvents reader = watching(new ThresholdEvents.Crossing("events[1]", 1, false, 0.2, 0.05, EventKind.TERMINAL, 3));

    feed(reader, 0.5, 0.19, 0.1, 0.22, 0.18, 0.26, 0.2);

    assertEquals(List.of(3.0, 3.0), posted, "0.19 fires; 0.22 is inside the hysteresis; 0.26 re-arms; 0.2 fires");
  }

  @Test
  void shouldNotFireForAChannelThatStartsPastTheLevel() {
    ThresholdEvents reader = watching(new ThresholdEvents.Crossing("events[0]", 1, true, 1.0, 0.1, EventKind.REWARD, 1));

    feed(reader, 1.5, 1.6, 0.95, 1.2, 0.8, 1.1);

    assertEquals(List.of(1.0), posted, "the first reading only arms; 0.95 is inside the hysteresis; 0.8 re-arms");
  }

  @Test
  void shouldRefuseAChannelTheSensorsDoNotHave() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> watching(new ThresholdEvents.Crossing("events[2]", 2, true, 1.0, 0.1, EventKind.REWARD, 1)));
    assertEquals("events[2]: channel 2 is not one of the 2 raw sensor channels of dial", e.getMessage());
  }
}
