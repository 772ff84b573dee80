package io.nrledge.experiment;

/**
 * A point estimate with a confidence interval {@code [low, high]}; all NaN when there is nothing to
 * estimate (a task without a solved threshold).
 */
public record Interval(double estimate, double low, double high) {
  public static final Interval NONE = new Interval(Double.NaN, Double.NaN, Double.NaN);

  public boolean contains(double value) {
    return value >= low && value <= high;
  }
}
