package io.nrledge.cli;

/**
 * Chooses {@code nrl-layer}'s noise probes per layer from a compute budget per tick: the largest K
 * whose measured tick fits, found by doubling K from 1 and then bisecting between the last K that
 * fit and the first that did not (the tick's cost grows with K). Set-up only, before the loop
 * starts and off the control thread; it must never touch the run's own learner or its random
 * streams, so a rerun with {@code --probes K} is bit-identical to the calibrated run.
 */
final class ProbeBudget {
  /** The learner's mean time per tick with {@code probesPerLayer} probes, in ns, on this machine. */
  interface TickTimer {
    double nsPerTick(int probesPerLayer);
  }

  /**
   * @param probesPerLayer the largest K that fits, 0 when even one probe does not
   * @param nsPerTick the measured tick of that K (of K = 1 when none fits)
   */
  record Choice(int probesPerLayer, long budgetNs, double nsPerTick) {
    boolean fits() {
      return probesPerLayer > 0;
    }
  }

  private ProbeBudget() {}

  /** The largest K in 1..{@code maxProbes} whose tick, timed by {@code timer}, is at most {@code budgetNs}. */
  static Choice choose(long budgetNs, int maxProbes, TickTimer timer) {
    double oneNs = timer.nsPerTick(1);
    if (oneNs > budgetNs) {
      return new Choice(0, budgetNs, oneNs);
    }
    int fit = 1;
    double fitNs = oneNs;
    int over = Integer.MAX_VALUE; // the smallest K known not to fit: doubling until one is found, then bisecting
    while (over == Integer.MAX_VALUE ? fit < maxProbes : over - fit > 1) {
      int k = over == Integer.MAX_VALUE ? (int) Math.min(2L * fit, maxProbes) : (fit + over) >>> 1;
      double ns = timer.nsPerTick(k);
      if (ns <= budgetNs) {
        fit = k;
        fitNs = ns;
      } else {
        over = k;
      }
    }
    return new Choice(fit, budgetNs, fitNs);
  }
}
