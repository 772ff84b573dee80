package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Backprop's transposed copy of the fan-out layers must give bit-for-bit the backward products of
 * the scalar dot products it replaces, after every kind of weight change.
 */
class TransposedCopyTest {
  /** Fan-out layers 2 (6 → 9) and 3 (9 → 10), neither a multiple of 4 wide, then a fan-in output. */
  private static final int[] SHAPE = {3, 6, 9, 10, 2};

  private static Network network() {
    return new Network(SHAPE, Activation.LEAKY_RELU, 0.1, false, 77);
  }

  private static double[][] random(Network net, Xoshiro256StarStar rng) {
    double[][] u = net.newUnitVectors();
    for (double[] layer : u) {
      for (int i = 0; i < layer.length; i++) {
        layer[i] = rng.nextGaussianDouble();
      }
    }
    return u;
  }

  private static void assertSameBackwardProducts(Network plain, Network copied, Xoshiro256StarStar rng, String when) {
    double[][] in = random(plain, rng);
    for (int l = 2; l < SHAPE.length; l++) {
      double[] expected = new double[SHAPE[l - 1]];
      double[] actual = new double[SHAPE[l - 1]];
      plain.transposedProduct(l, in[l], expected);
      copied.transposedProduct(l, in[l], actual);
      assertArrayEquals(expected, actual, 0.0, when + ", layer " + l);
    }
  }

  @Test
  void shouldKeepACopyOfTheFanOutLayersPastTheFirstOnly() {
    Network net = network();
    net.weights().keepTransposedCopy();
    assertNull(net.weights().transposedCopy(1), "no backward product crosses the first layer");
    assertNotNull(net.weights().transposedCopy(2));
    assertNotNull(net.weights().transposedCopy(3));
    assertNull(net.weights().transposedCopy(4), "fan-in: already one vector per output unit");
    assertEquals(net.weights().weight(3, 7, 4), net.weights().transposedCopy(3)[7][4], 0.0);
  }

  @Test
  void shouldGiveBitIdenticalBackwardProductsAfterEveryKindOfChange() {
    Network plain = network();
    Network copied = network();
    copied.weights().keepTransposedCopy();
    Xoshiro256StarStar rng = new Xoshiro256StarStar(5);
    assertSameBackwardProducts(plain, copied, rng, "initial");

    double[] scales = {0, 1, 64, 3, 0.5};
    for (int round = 0; round < 3; round++) {
      double[][] u = random(plain, rng);
      double[][] v = random(plain, rng);
      plain.weights().addOuter(0.37, u, v, scales);
      copied.weights().addOuter(0.37, u, v, scales);
      assertSameBackwardProducts(plain, copied, rng, "rank-1 update " + round);
    }
    Weights trace = plain.newWeights();
    trace.addOuter(1.0, random(plain, rng), random(plain, rng));
    plain.weights().addScaled(-0.2, trace, scales);
    copied.weights().addScaled(-0.2, trace, scales);
    assertSameBackwardProducts(plain, copied, rng, "addScaled");
    // A rank-1 update while the copy is stale, then a direct write.
    double[][] u = random(plain, rng);
    double[][] v = random(plain, rng);
    plain.weights().scale(0.9);
    copied.weights().scale(0.9);
    plain.weights().addOuter(1.1, u, v);
    copied.weights().addOuter(1.1, u, v);
    assertSameBackwardProducts(plain, copied, rng, "scale then rank-1");
    int k = plain.weights().offset(3) + 5;
    plain.weights().set(k, 2.5);
    copied.weights().set(k, 2.5);
    assertSameBackwardProducts(plain, copied, rng, "set");
    assertArrayEquals(plain.weights().toArray(), copied.weights().toArray(), 0.0);
  }
}
