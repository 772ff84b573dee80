package io.nrledge.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** NRL's estimate against the exact ∇ ln π from backprop; backprop against finite differences. */
class GradientFidelityTest {

  @Test
  void backpropGradientShouldMatchFiniteDifferences() {
    for (Activation activation : Activation.values()) {
      for (boolean biases : new boolean[] {false, true}) {
        LearnerConfig config = LearnerConfig.builder(5, 7, 6, 3).rule(Rule.BP)
            .hiddenActivation(activation).biases(biases).seed(11).build();
        BackpropLearner bp = new BackpropLearner(config);
        randomizeBiases(bp.network(), 5);
        double[] obs = {0.3, -1.2, 0.7, 0.05, -0.4};
        int action = 2;
        double[] exact = exactGradient(bp, obs, action);
        Weights w = bp.network().weights();
        double h = 1e-6;
        double maxError = 0;
        double maxGradient = 0;
        for (int i = 0; i < w.count(); i++) {
          double saved = w.get(i);
          w.set(i, saved + h);
          double up = logProbability(bp, obs, action);
          w.set(i, saved - h);
          double down = logProbability(bp, obs, action);
          w.set(i, saved);
          double numeric = (up - down) / (2 * h);
          maxError = Math.max(maxError, Math.abs(numeric - exact[i]));
          maxGradient = Math.max(maxGradient, Math.abs(exact[i]));
        }
        assertTrue(maxGradient > 1e-3, "gradient should not vanish");
        assertTrue(maxError < 1e-7 * Math.max(1, maxGradient),
            activation + " biases=" + biases + ": max |finite difference − backprop| = " + maxError);
      }
    }
  }

  @Test
  void nrlMeanEstimateShouldAlignWithExactGradientOnOneHiddenLayer() {
    LearnerConfig config = LearnerConfig.builder(4, 64, 2).sigma(1e-3).fanOut(false).seed(3).build();
    double[] obs = {0.02, -0.3, 0.04, 0.5};
    int noisyUnits = 64 + 2;
    Comparison c = compare(config, obs, 1, 1000);
    assertTrue(c.cosine >= 0.95, "cosine at K=1000 was " + c.cosine);
    double expectedScale = 1.0 / noisyUnits;
    assertEquals(expectedScale, c.scale, 0.15 * expectedScale, "projection scale vs 1/N");
  }

  @Test
  void nrlCosineShouldRiseTowardOneWithMoreDrawsOnTwoHiddenLayers() {
    LearnerConfig config = LearnerConfig.builder(6, 32, 32, 3).sigma(1e-3).fanOut(false).seed(5).build();
    double[] obs = {0.9, 0.4, -0.2, 0.97, 0.3, -0.8};
    int[] draws = {10, 100, 1000, 10000};
    double[] cosines = new double[draws.length];
    StringBuilder table = new StringBuilder("K, cosine, scale×N (6-32-32-3, σ=1e-3)\n");
    for (int i = 0; i < draws.length; i++) {
      Comparison c = compare(config, obs, 0, draws[i]);
      cosines[i] = c.cosine;
      table.append(draws[i]).append(", ").append(String.format("%.4f, %.3f%n", c.cosine, c.scale * (32 + 32 + 3)));
    }
    System.out.print(table);
    for (int i = 1; i < draws.length; i++) {
      assertTrue(cosines[i] > cosines[i - 1], "cosine should rise with K:\n" + table);
    }
    assertTrue(cosines[draws.length - 1] >= 0.97, "cosine at K=10000:\n" + table);
  }

  @Test
  void perLayerProbesShouldEstimateEachLayerGradientOverItsUnitCount() {
    assertProjectionScalesAreOneOverUnitCounts(NoiseProbe.PER_LAYER, 1, 0.1);
  }

  @Test
  void partitionedProbesShouldEstimateEachLayerGradientOverItsUnitCountWithFewerProbesThanUnits() {
    assertProjectionScalesAreOneOverUnitCounts(NoiseProbe.PARTITIONED, 4, 0.05);
  }

  /** The mean of 4,000 estimates, projected on each layer's exact gradient, is 1/n_l of it (to {@code tolerance}). */
  private static void assertProjectionScalesAreOneOverUnitCounts(NoiseProbe layout, int probes, double tolerance) {
    LearnerConfig config = LearnerConfig.builder(4, 64, 2).sigma(1e-3).fanOut(false)
        .noiseProbe(layout).probesPerLayer(probes).seed(3).build();
    double[] obs = {0.02, -0.3, 0.04, 0.5};
    NrlLearner nrl = new NrlLearner(config);
    double[] exact = exactGradient(new BackpropLearner(config.toBuilder().rule(Rule.BP)
        .noiseProbe(NoiseProbe.JOINT).probesPerLayer(1).build()), obs, 1);
    Weights sum = nrl.network().newWeights();
    int draws = 4000;
    for (int k = 0; k < draws; k++) {
      nrl.probe(obs, 1);
      sum.addOuter(nrl.uScale / draws, nrl.u, nrl.v);
    }
    double[] mean = sum.toArray();
    Network net = nrl.network();
    for (int l = 1; l <= net.layers(); l++) {
      double dot = 0;
      double norm = 0;
      for (int i = sum.offset(l); i < sum.offset(l) + sum.count(l); i++) {
        dot += mean[i] * exact[i];
        norm += exact[i] * exact[i];
      }
      double expected = 1.0 / net.size(l);
      assertEquals(expected, dot / norm, tolerance * expected, layout + ", layer " + l + ": projection scale vs 1/n_l");
    }
  }

  @Test
  void moreProbesPerLayerShouldGiveAMoreAccurateSingleStepEstimate() {
    double[] obs = {0.02, -0.3, 0.04, 0.5};
    double single = meanSingleStepCosine(1, obs);
    double sixteen = meanSingleStepCosine(16, obs);
    assertTrue(sixteen > single + 0.2, "one probe " + single + ", sixteen probes " + sixteen);
  }

  /** Mean over 200 steps of the cosine between one step's estimate and the exact gradient. */
  private static double meanSingleStepCosine(int probes, double[] obs) {
    LearnerConfig config = on4x64x2(NoiseProbe.PER_LAYER, probes);
    NrlLearner nrl = new NrlLearner(config);
    double[] exact = exactGradientFor(config, obs, 0);
    double sum = 0;
    for (int step = 0; step < 200; step++) {
      nrl.probe(obs, 0);
      Weights estimate = nrl.network().newWeights();
      estimate.addOuter(nrl.uScale, nrl.u, nrl.v);
      sum += cosine(estimate.toArray(), exact);
    }
    return sum / 200;
  }

  /** NRL with {@code probes} probes per layer of {@code layout} on 4-64-2 (seed 9, no fan-out factor). */
  private static LearnerConfig on4x64x2(NoiseProbe layout, int probes) {
    return LearnerConfig.builder(4, 64, 2).fanOut(false).noiseProbe(layout).probesPerLayer(probes).seed(9).build();
  }

  /** ∇ ln π(action | obs) by backprop on the network {@code config} builds (same seed, same weights). */
  private static double[] exactGradientFor(LearnerConfig config, double[] obs, int action) {
    return exactGradient(new BackpropLearner(config.toBuilder().rule(Rule.BP).noiseProbe(NoiseProbe.JOINT)
        .probesPerLayer(1).build()), obs, action);
  }

  @Test
  void partitionedProbesWithAProbePerUnitShouldGiveBackpropsGradientInOneStep() {
    // K ≥ every layer's width: each probe noises one unit, so one step's estimate is the exact finite
    // difference, ∇ ln π / n_l per layer up to O(σ), with no averaging over draws.
    for (boolean biases : new boolean[] {false, true}) {
      LearnerConfig config = LearnerConfig.builder(5, 7, 6, 3).sigma(1e-4).fanOut(false).biases(biases)
          .noiseProbe(NoiseProbe.PARTITIONED).probesPerLayer(8).seed(13).build();
      NrlLearner nrl = new NrlLearner(config);
      randomizeBiases(nrl.network(), 5);
      BackpropLearner bp = new BackpropLearner(config.toBuilder().rule(Rule.BP).noiseProbe(NoiseProbe.JOINT)
          .probesPerLayer(1).build());
      randomizeBiases(bp.network(), 5);
      assertArrayEquals(bp.network().weights().toArray(), nrl.network().weights().toArray(), 0.0);
      double[] obs = {0.3, -1.2, 0.7, 0.05, -0.4};
      double[] exact = exactGradient(bp, obs, 2);
      nrl.probe(obs, 2);
      Weights estimate = nrl.network().newWeights();
      estimate.addOuter(nrl.uScale, nrl.u, nrl.v);
      double[] e = estimate.toArray();
      Network net = nrl.network();
      double maxGradient = 0;
      double maxError = 0;
      for (int l = 1; l <= net.layers(); l++) {
        for (int i = estimate.offset(l); i < estimate.offset(l) + estimate.count(l); i++) {
          maxGradient = Math.max(maxGradient, Math.abs(exact[i]));
          maxError = Math.max(maxError, Math.abs(net.size(l) * e[i] - exact[i]));
        }
      }
      assertTrue(maxGradient > 1e-3, "gradient should not vanish");
      assertTrue(maxError < 1e-3 * maxGradient, "biases=" + biases + ": max |n_l·estimate − backprop| = " + maxError
          + " of " + maxGradient);
    }
  }

  @Test
  void partitionedProbesShouldHaveLessSingleStepErrorThanIndependentOnesAtTheSameCount() {
    // 32 probes on 64 hidden units: independent probes' error variance ≈ ‖g‖²/K, partitioned ones'
    // ≈ ‖g‖²(1/K − 1/n_l), half of it; the 2 output units are exact when partitioned.
    double[] obs = {0.02, -0.3, 0.04, 0.5};
    double independent = meanSquaredStepError(NoiseProbe.PER_LAYER, 32, obs);
    double partitioned = meanSquaredStepError(NoiseProbe.PARTITIONED, 32, obs);
    double onePerUnit = meanSquaredStepError(NoiseProbe.PARTITIONED, 64, obs);
    System.out.printf("relative squared step error, 4-64-2: independent K=32 %.4f, partitioned K=32 %.4f, K=64 %.2e%n",
        independent, partitioned, onePerUnit);
    assertTrue(partitioned < 0.7 * independent, "relative squared error: independent " + independent
        + ", partitioned " + partitioned);
    assertTrue(onePerUnit < 1e-4, "a probe per unit: relative squared error " + onePerUnit);
  }

  /**
   * Mean over 200 steps of ‖estimate − ∇ ln π‖² / ‖∇ ln π‖², each layer's estimate times n_l (so its
   * expectation is the gradient).
   */
  private static double meanSquaredStepError(NoiseProbe layout, int probes, double[] obs) {
    LearnerConfig config = on4x64x2(layout, probes);
    NrlLearner nrl = new NrlLearner(config);
    double[] exact = exactGradientFor(config, obs, 0);
    double norm = 0;
    for (double g : exact) {
      norm += g * g;
    }
    Network net = nrl.network();
    double sum = 0;
    for (int step = 0; step < 200; step++) {
      nrl.probe(obs, 0);
      Weights estimate = net.newWeights();
      estimate.addOuter(nrl.uScale, nrl.u, nrl.v);
      double[] e = estimate.toArray();
      for (int l = 1; l <= net.layers(); l++) {
        for (int i = estimate.offset(l); i < estimate.offset(l) + estimate.count(l); i++) {
          double error = net.size(l) * e[i] - exact[i];
          sum += error * error / norm;
        }
      }
    }
    return sum / 200;
  }

  @Test
  void perLayerProbesWithTheFanOutFactorShouldStepEachLayerByItsUnitCountTimesTheUnscaledStep() {
    // Per-layer probes estimate ∇_{W_l} ln π / n_l, so the factor n_l makes the expected step backprop's.
    // Twin learners on the same seeds (same noise, same actions): the second reward's update differs by n_l.
    LearnerConfig.Builder b = LearnerConfig.builder(3, 6, 4).form(CreditForm.IMMEDIATE).noiseProbe(NoiseProbe.PER_LAYER)
        .probesPerLayer(4).learningRate(0.05).sigma(1e-3).biases(true).seed(21);
    AbstractLearner plain = (AbstractLearner) Learners.create(b.fanOut(false).build());
    AbstractLearner scaled = (AbstractLearner) Learners.create(b.fanOut(true).build());
    double[] obs = {0.4, -0.7, 0.1};
    for (AbstractLearner learner : new AbstractLearner[] {plain, scaled}) {
      learner.step(obs);
      learner.reward(1.0); // the first reward sets the baseline: δ = 0
    }
    double[] plainBefore = plain.network().weights().toArray();
    double[] scaledBefore = scaled.network().weights().toArray();
    assertArrayEquals(plainBefore, scaledBefore, 0.0);
    assertEquals(plain.step(obs), scaled.step(obs), "same noise and action stream");
    plain.reward(3.0);
    scaled.reward(3.0);
    Network net = plain.network();
    Weights shape = net.weights();
    double[] plainAfter = shape.toArray();
    double[] scaledAfter = scaled.network().weights().toArray();
    int moved = 0;
    for (int l = 1; l <= net.layers(); l++) {
      for (int i = shape.offset(l); i < shape.offset(l) + shape.count(l); i++) {
        double unscaled = plainAfter[i] - plainBefore[i];
        moved += unscaled != 0 ? 1 : 0;
        assertEquals(net.size(l) * unscaled, scaledAfter[i] - scaledBefore[i], 1e-12 * Math.abs(net.size(l) * unscaled),
            "layer " + l + " parameter " + i);
      }
    }
    assertTrue(moved > shape.count() / 2, "the update moved most weights (" + moved + " of " + shape.count() + ")");
  }

  @Test
  void fanOutFactorShouldTiltTheExpectedDirection() {
    LearnerConfig off = LearnerConfig.builder(4, 64, 2).fanOut(false).seed(3).build();
    double[] obs = {0.02, -0.3, 0.04, 0.5};
    NrlLearner nrl = new NrlLearner(off);
    double[] exact = exactGradient(new BackpropLearner(off.toBuilder().rule(Rule.BP).build()), obs, 1);
    double[] tilted = exact.clone();
    Network net = nrl.network();
    Weights shape = net.weights();
    for (int l = 1; l <= net.layers(); l++) {
      for (int i = shape.offset(l); i < shape.offset(l) + shape.count(l); i++) {
        tilted[i] *= net.size(l);
      }
    }
    assertTrue(cosine(exact, tilted) < 0.99, "scaling layers by n_l changes the direction");
  }

  private record Comparison(double cosine, double scale) {}

  /** Mean of K NRL estimates for a fixed state and action vs the exact gradient. */
  private static Comparison compare(LearnerConfig config, double[] obs, int action, int draws) {
    NrlLearner nrl = new NrlLearner(config);
    double[] exact = exactGradient(new BackpropLearner(config.toBuilder().rule(Rule.BP).build()), obs, action);
    Weights sum = nrl.network().newWeights();
    for (int k = 0; k < draws; k++) {
      nrl.probe(obs, action);
      sum.addOuter(nrl.uScale / draws, nrl.u, nrl.v);
    }
    double[] mean = sum.toArray();
    double dot = 0;
    double norm = 0;
    for (int i = 0; i < exact.length; i++) {
      dot += mean[i] * exact[i];
      norm += exact[i] * exact[i];
    }
    return new Comparison(cosine(mean, exact), dot / norm);
  }

  static double[] exactGradient(BackpropLearner bp, double[] obs, int action) {
    bp.probe(obs, action);
    Weights g = bp.network().newWeights();
    g.addOuter(bp.uScale, bp.u, bp.v);
    return g.toArray();
  }

  private static double logProbability(AbstractLearner learner, double[] obs, int action) {
    Network net = learner.network();
    double[][] z = net.newUnitVectors();
    double[][] x = net.newUnitVectors();
    net.forward(obs, z, x);
    double[] logits = z[net.layers()];
    double max = Double.NEGATIVE_INFINITY;
    for (double logit : logits) {
      max = Math.max(max, logit);
    }
    double sum = 0;
    for (double logit : logits) {
      sum += Math.exp(logit - max);
    }
    return logits[action] - max - Math.log(sum);
  }

  private static void randomizeBiases(Network net, long seed) {
    if (!net.hasBiases()) {
      return;
    }
    Xoshiro256StarStar rng = new Xoshiro256StarStar(seed);
    for (int l = 1; l <= net.layers(); l++) {
      double[] bias = net.weights().bias[l];
      for (int i = 0; i < bias.length; i++) {
        bias[i] = 0.5 * rng.nextGaussianDouble();
      }
    }
  }

  private static double cosine(double[] a, double[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return ab / Math.sqrt(aa * bb);
  }
}
