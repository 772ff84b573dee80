package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeightsTest {
  /** 3 inputs → 5 (fan-out, one vector per input) → 2 (fan-in, one vector per output), with biases. */
  private static final int[] SHAPE = {3, 5, 2};

  @Test
  void canonicalOrderShouldBeRowMajorWithTheBiasAsLastColumn() {
    Weights w = new Weights(SHAPE, true);
    assertEquals(5 * 4 + 2 * 6, w.count());
    assertEquals(20, w.offset(2));
    w.setWeight(1, 4, 2, 1.5); // layer 1, unit 4, input 2
    w.setWeight(2, 1, 3, -2.5); // layer 2, unit 1, input 3
    w.bias[2][1] = 7;
    assertEquals(1.5, w.get(4 * 4 + 2));
    assertEquals(-2.5, w.get(20 + 6 + 3));
    assertEquals(7, w.get(20 + 6 + 5));
    w.set(4 * 4 + 3, 9); // layer 1, unit 4, bias
    assertEquals(9, w.bias[1][4]);
    assertThrows(IndexOutOfBoundsException.class, () -> w.get(w.count()));
  }

  @Test
  void addOuterShouldAddTheScaledRankOneTermToEveryLayerInEitherStorage() {
    Weights w = new Weights(SHAPE, true);
    double[][] u = {{}, {1, 2, 3, 4, 5}, {-1, 0.5}};
    double[][] v = {{0.1, 0.2, 0.3}, {1, -1, 2, -2, 3}, {}};
    w.addOuter(2.0, u, v, new double[] {0, 1, 10});
    for (int l = 1; l <= 2; l++) {
      double c = l == 1 ? 1 : 10;
      for (int i = 0; i < SHAPE[l]; i++) {
        for (int j = 0; j < SHAPE[l - 1]; j++) {
          assertEquals(2.0 * c * u[l][i] * v[l - 1][j], w.weight(l, i, j), 1e-12, "W" + l + "[" + i + "][" + j + "]");
        }
        assertEquals(2.0 * c * u[l][i], w.bias[l][i], 1e-12, "b" + l + "[" + i + "]");
      }
    }
    Weights twice = w.newZeroed();
    twice.addScaled(2.0, w, new double[] {0, 1, 1});
    w.scale(2.0);
    assertArrayEquals(w.toArray(), twice.toArray(), 0.0);
  }

  @Test
  void allFiniteShouldSpotANonFiniteWeightOrBias() {
    Weights w = new Weights(SHAPE, true);
    assertTrue(w.allFinite());
    for (int k = 0; k < w.count(); k++) {
      w.set(k, k % 2 == 0 ? Double.NaN : Double.NEGATIVE_INFINITY);
      assertFalse(w.allFinite(), "parameter " + k);
      w.set(k, 0.25);
    }
    assertTrue(w.allFinite());
  }
}
