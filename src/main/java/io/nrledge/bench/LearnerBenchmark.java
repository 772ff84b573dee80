package io.nrledge.bench;

import io.nrledge.learner.CreditForm;
import io.nrledge.learner.Learner;
import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.Learners;
import io.nrledge.learner.NoiseProbe;
import io.nrledge.learner.Rule;
import io.nrledge.learner.Weights;
import io.nrledge.runtime.AllocationMeter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times one training step of each rule on each network, in the episodic form with 200-step
 * episodes (so the episode-end update is included, amortised). Rules are measured in rotation,
 * several rounds each, and the median round is reported, so drift in the machine's speed hits every
 * rule alike. Allocation is read from the thread's allocated-bytes counter over all measured rounds.
 */
public final class LearnerBenchmark {
  /** One measured row; {@code gflops} is NaN for per-layer probes (no closed-form operation count here). */
  public record Row(String net, String rule, double nsPerStep, double allocBytesPerStep, double gflops) {}

  /**
   * A rule to time: {@code probesPerLayer} > 0 makes NRL probe each layer that many times per step
   * ({@code nrl-layer}), split among the layer's units when {@code partitioned}; 0 keeps the rule's
   * own noise.
   */
  public record Variant(String name, Rule rule, int probesPerLayer, boolean partitioned) {
    public static Variant of(Rule rule) {
      return new Variant(rule.name().toLowerCase(), rule, 0, false);
    }
  }

  private static final int EPISODE_STEPS = 200;
  private static final int ROUNDS = 7;

  private final long warmupSteps;
  private final long roundNanos;

  public LearnerBenchmark(long warmupSteps, long roundNanos) {
    this.warmupSteps = warmupSteps;
    this.roundNanos = roundNanos;
  }

  public List<Row> run(List<int[]> nets, List<Variant> rules) {
    List<Row> rows = new ArrayList<>();
    for (int[] shape : nets) {
      Case[] cases = new Case[rules.size()];
      for (int r = 0; r < cases.length; r++) {
        cases[r] = new Case(shape, rules.get(r));
        cases[r].steps(warmupSteps);
      }
      double[][] perRound = new double[cases.length][ROUNDS];
      long[] allocated = new long[cases.length];
      long[] measuredSteps = new long[cases.length];
      for (int round = 0; round < ROUNDS; round++) {
        for (int r = 0; r < cases.length; r++) {
          long steps = cases[r].stepsPerRound(roundNanos);
          long bytesBefore = threadAllocatedBytes();
          long t0 = System.nanoTime();
          cases[r].steps(steps);
          long elapsed = System.nanoTime() - t0;
          allocated[r] += threadAllocatedBytes() - bytesBefore;
          measuredSteps[r] += steps;
          perRound[r][round] = (double) elapsed / steps;
        }
      }
      for (int r = 0; r < cases.length; r++) {
        Arrays.sort(perRound[r]);
        double ns = perRound[r][ROUNDS / 2];
        rows.add(new Row(cases[r].config.shape(), rules.get(r).name(), ns,
            (double) allocated[r] / measuredSteps[r], cases[r].flopsPerStep() / ns));
      }
    }
    return rows;
  }

  private static long threadAllocatedBytes() {
    return AllocationMeter.currentThreadAllocatedBytes();
  }

  /** One rule on one network with a synthetic observation stream and episode rewards. */
  private static final class Case {
    final LearnerConfig config;
    final Learner learner;
    final double[] obs;
    long t;

    Case(int[] shape, Variant variant) {
      Rule rule = variant.rule();
      LearnerConfig.Builder b = LearnerConfig.builder(shape).rule(rule).form(CreditForm.EPISODIC)
          .learningRate(rule == Rule.BP ? 1e-3 : rule == Rule.NRL ? 1e-3 : 1.0).seed(1);
      if (variant.probesPerLayer() > 0) {
        b.noiseProbe(variant.partitioned() ? NoiseProbe.PARTITIONED : NoiseProbe.PER_LAYER)
            .probesPerLayer(variant.probesPerLayer()).fanOut(false);
      }
      this.config = b.build();
      this.learner = Learners.create(config);
      this.obs = new double[shape[0]];
    }

    /** Real-time safe loop: observation, step, reward, and an episode end every 200 steps. */
    void steps(long n) {
      for (long i = 0; i < n; i++, t++) {
        for (int k = 0; k < obs.length; k++) {
          obs[k] = ((t * 31 + k * 17) % 101) * 0.02 - 1.0;
        }
        int a = learner.step(obs);
        learner.reward(a == 0 ? 1.0 : 0.5);
        if (t % EPISODE_STEPS == EPISODE_STEPS - 1) {
          learner.endEpisode();
        }
      }
    }

    long stepsPerRound(long roundNanos) {
      long probe = 2_000;
      long t0 = System.nanoTime();
      steps(probe);
      double ns = (double) (System.nanoTime() - t0) / probe;
      return Math.max(1_000, (long) (roundNanos / ns));
    }

    /**
     * Floating-point operations of one step, counting a multiply-add as 2, for P weights of which
     * P_1 are in the first layer: NRL clean P + noisy P − P_1 + trace P; BP forward P + backward
     * P − P_1 + gradient P; RMHL noisy forward P + trace P.
     */
    double flopsPerStep() {
      if (config.noiseProbe() != NoiseProbe.JOINT) {
        return Double.NaN;
      }
      Weights weights = learner.network().weights();
      double p = weights.count();
      double p1 = weights.count(1);
      double multiplyAdds = switch (config.rule()) {
        case NRL, BP -> p + (p - p1) + p;
        case RMHL, RMHL_IMPLICIT -> p + p;
      };
      return 2 * multiplyAdds;
    }
  }
}
