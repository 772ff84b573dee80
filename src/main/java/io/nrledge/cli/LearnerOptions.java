package io.nrledge.cli;

import io.nrledge.experiment.Method;
import io.nrledge.profiles.DeviceProfile;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * {@code run}'s learner overrides: another rule or step sizes than the profile's, without editing
 * the file (for tuning and comparing rules on one rig). Each bad value is one line naming its option.
 */
final class LearnerOptions {
  static final String RULE_NAMES = Arrays.stream(Method.values()).map(Method::id).collect(Collectors.joining(", "));

  @Option(names = "--rule", paramLabel = "RULE", description = "Learning rule instead of the profile's: nrl (the paper's),"
      + " nrl-layer (a noise probe per layer, --probes of them), rmhl, rmhl-implicit or bp (REINFORCE, backprop).")
  String rule;

  @Option(names = "--lr", paramLabel = "ETA", description = "Learning rate instead of the profile's.")
  Double learningRate;

  @Option(names = "--sigma", paramLabel = "S", description = "Noise scale instead of the profile's.")
  Double sigma;

  @Option(names = "--trace-decay", paramLabel = "G", description = "Eligibility-trace decay instead of the profile's.")
  Double traceDecay;

  @Option(names = "--baseline-rate", paramLabel = "L", description = "Reward-baseline rate instead of the profile's.")
  Double baselineRate;

  @Option(names = "--probes", paramLabel = "K", description = "nrl-layer: noise probes per layer and tick.")
  Integer probes;

  /** {@code profile} with these overrides applied; unchanged when none is given. Throws {@link UsageException}. */
  DeviceProfile applyTo(DeviceProfile profile) {
    DeviceProfile.LearnerSettings l = profile.learner();
    if (rule == null && learningRate == null && sigma == null && traceDecay == null && baselineRate == null
        && probes == null) {
      return profile;
    }
    if (rule != null && Method.byId(rule) == null) {
      throw new UsageException("--rule: unknown rule '" + rule + "' (" + RULE_NAMES + ")");
    }
    String r = rule != null ? rule : l.rule();
    double eta = learningRate == null ? l.learningRate() : require("--lr", learningRate, learningRate >= 0, "a finite number >= 0");
    double s = sigma == null ? l.sigma() : require("--sigma", sigma, sigma > 0, "a finite number > 0");
    boolean continuing = profile.rewards().form().equals("continuing");
    double g = traceDecay == null ? l.traceDecay() : require("--trace-decay", traceDecay,
        traceDecay >= 0 && (continuing ? traceDecay < 1 : traceDecay <= 1),
        continuing ? "in [0, 1) (the continuing form needs a decaying trace)" : "in [0, 1]");
    double b = baselineRate == null ? l.baselineRate() : require("--baseline-rate", baselineRate,
        baselineRate >= 0 && baselineRate <= 1, "in [0, 1]");
    int k = probes != null ? probes : r.equals("nrl-layer") ? l.probesPerLayer() : 1;
    if (k < 1 || k > 1024) {
      throw new UsageException("--probes: must be 1..1024, got " + k);
    }
    if (k > 1 && !r.equals("nrl-layer")) {
      throw new UsageException("--probes: only rule nrl-layer probes more than once, the rule is " + r);
    }
    return profile.withLearner(new DeviceProfile.LearnerSettings(l.hidden(), r, eta, s, b, g, l.biases(), l.fanOut(),
        l.rewardHistorySteps(), k));
  }

  private static double require(String option, double value, boolean ok, String what) {
    if (!ok || !Double.isFinite(value)) {
      throw new UsageException(option + ": must be " + what + ", got " + value);
    }
    return value;
  }
}
