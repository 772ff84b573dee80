package io.nrledge.experiment;

import io.nrledge.learner.Rule;
import java.util.Locale;

/**
 * What the runs of one curve share: rule, η and σ (NaN for a rule without noise). Seeds vary
 * within a setting.
 */
public record Setting(Rule rule, double learningRate, double sigma) {

  /** "nrl", "rmhl-implicit", "bp": the command-line and CSV name of a rule. */
  public static String ruleId(Rule rule) {
    return rule.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** "nrl", or with {@code withHyperParameters} "nrl lr 0.01 sigma 0.001" ("bp lr 0.05"). */
  public String label(boolean withHyperParameters) {
    if (!withHyperParameters) {
      return ruleId(rule);
    }
    return ruleId(rule) + " lr " + learningRate + (Double.isNaN(sigma) ? "" : " sigma " + sigma);
  }
}
