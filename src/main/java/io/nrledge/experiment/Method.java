package io.nrledge.experiment;

import io.nrledge.learner.LearnerConfig;
import io.nrledge.learner.NoiseProbe;
import io.nrledge.learner.Rule;
import java.util.Locale;

/**
 * A learning method an experiment compares: a {@link Rule} and how it is set up. {@code nrl} is
 * the paper's rule; {@code nrl-layer} is NRL with one noise probe per layer, K probes each,
 * averaged ({@link NoiseProbe#PER_LAYER}): still local, lower variance, K times the noisy passes.
 */
public enum Method {
  NRL(Rule.NRL),
  NRL_LAYER(Rule.NRL),
  RMHL(Rule.RMHL),
  RMHL_IMPLICIT(Rule.RMHL_IMPLICIT),
  BP(Rule.BP);

  private final Rule rule;

  Method(Rule rule) {
    this.rule = rule;
  }

  public Rule rule() {
    return rule;
  }

  /** "nrl", "nrl-layer", "rmhl-implicit": the command-line and CSV name. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The method by its {@link #id()}, or null. */
  public static Method byId(String id) {
    for (Method m : values()) {
      if (m.id().equals(id)) {
        return m;
      }
    }
    return null;
  }

  /** Whether σ and the noise kind mean anything for this method. */
  public boolean usesNoise() {
    return rule != Rule.BP;
  }

  /**
   * Sets the rule and what this method fixes: the fan-out factor n_l for the NRL methods when
   * {@code fanOut} (the other rules never scale); per-layer probes, {@code probesPerLayer} of them,
   * {@link NoiseProbe#PARTITIONED} when {@code partitioned}, for {@code nrl-layer}.
   */
  public LearnerConfig.Builder configure(LearnerConfig.Builder builder, boolean fanOut, int probesPerLayer,
      boolean partitioned) {
    builder.rule(rule).fanOut(rule == Rule.NRL && fanOut);
    if (this == NRL_LAYER) {
      builder.noiseProbe(partitioned ? NoiseProbe.PARTITIONED : NoiseProbe.PER_LAYER).probesPerLayer(probesPerLayer);
    }
    return builder;
  }
}
