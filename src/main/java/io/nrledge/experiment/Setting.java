package io.nrledge.experiment;

/**
 * What the runs of one curve share: method, η and σ (NaN for a method without noise). Seeds vary
 * within a setting.
 */
public record Setting(Method method, double learningRate, double sigma) {

  /** "nrl", or with {@code withHyperParameters} "nrl lr 0.01 sigma 0.001" ("bp lr 0.05"). */
  public String label(boolean withHyperParameters) {
    if (!withHyperParameters) {
      return method.id();
    }
    return method.id() + " lr " + learningRate + (Double.isNaN(sigma) ? "" : " sigma " + sigma);
  }
}
