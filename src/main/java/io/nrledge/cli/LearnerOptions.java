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

  @Option(names = "--exploration", paramLabel = "E", description = "Exploration floor instead of the profile's:"
      + " actions from (1 - E)*softmax + E/A, E in [0, 1).")
  Double exploration;

  @Option(names = "--exploration-hold", paramLabel = "H", description = "Ticks an action picked by the exploration"
      + " floor is held instead of the profile's (1: single ticks).")
  Integer explorationHold;

  @Option(names = "--critic-rate", paramLabel = "B", description = "Continuing form: step size of the TD critic"
      + " instead of the profile's (0: the running-average reward baseline).")
  Double criticRate;

  @Option(names = "--critic-discount", paramLabel = "G", description = "Discount of the critic's TD error instead"
      + " of the profile's, in [0, 1).")
  Double criticDiscount;

  @Option(names = "--weight-decay", paramLabel = "L", description = "Weight decay instead of the profile's: every"
      + " weight times 1 - L each tick, or each quiet tick with --weight-decay-after.")
  Double weightDecay;

  @Option(names = "--weight-decay-after", paramLabel = "T", description = "Ticks without a nonzero reward before the"
      + " weight decay applies, instead of the profile's (0: every tick).")
  Integer weightDecayAfter;

  @Option(names = "--fan-out", paramLabel = "on|off", description = "nrl, nrl-layer: scale each layer's update by"
      + " its unit count n_l, instead of the profile's (default: on for nrl, off for nrl-layer).")
  String fanOut;

  @Option(names = "--probe-layout", paramLabel = "independent|partitioned", description = "nrl-layer: each probe"
      + " noises every unit of its layer (independent) or the layer's units are split among the probes"
      + " (partitioned), instead of the profile's.")
  String probeLayout;

  @Option(names = "--probes", paramLabel = "K", description = "nrl-layer: noise probes per layer and tick.")
  Integer probes;

  @Option(names = "--budget", paramLabel = "D", description = "nrl-layer: the learner's compute budget per tick (e.g."
      + " 200us); the probes per layer that fit are measured at start and reported, so --probes K reruns it.")
  String budget;

  /**
   * {@code profile} with these overrides applied; unchanged when none is given. The learner owns the
   * limits: its verdict on an overridden value becomes one line naming the option
   * ({@link UsageException}); a bad value left in the profile is reported later at its key.
   */
  DeviceProfile applyTo(DeviceProfile profile) {
    DeviceProfile.LearnerSettings l = profile.learner();
    if (rule == null && learningRate == null && sigma == null && traceDecay == null && baselineRate == null
        && probes == null && budget == null && exploration == null
        && explorationHold == null && criticRate == null && criticDiscount == null && weightDecay == null
        && weightDecayAfter == null && fanOut == null && probeLayout == null) {
      return profile;
    }
    if (budget != null && probes != null) {
      throw new UsageException("--budget: give either --budget (the probes are chosen to fit it) or --probes, not both");
    }
    long budgetNs = budget != null ? DurationOption.positiveNs("--budget", budget) : probes != null ? 0 : l.budgetNs();
    if (rule != null && Method.byId(rule) == null) {
      throw new UsageException("--rule: unknown rule '" + rule + "' (" + RULE_NAMES + ")");
    }
    String r = rule != null ? rule : l.rule();
    int k = probes != null ? probes : r.equals("nrl-layer") ? l.probesPerLayer() : 1;
    Boolean scaled = fanOut != null ? Boolean.valueOf(onOff("--fan-out", fanOut)) : l.fanOut();
    DeviceProfile overridden = profile.withLearner(new DeviceProfile.LearnerSettings(l.hidden(), r,
        learningRate != null ? learningRate : l.learningRate(), sigma != null ? sigma : l.sigma(),
        baselineRate != null ? baselineRate : l.baselineRate(), traceDecay != null ? traceDecay : l.traceDecay(),
        l.biases(), scaled, l.rewardHistorySteps(), k, budgetNs,
        exploration != null ? exploration : l.exploration(),
        explorationHold != null ? explorationHold : l.explorationHold(),
        criticRate != null ? criticRate : l.criticRate(),
        criticDiscount != null ? criticDiscount : l.criticDiscount(),
        weightDecay != null ? weightDecay : l.weightDecay(),
        weightDecayAfter != null ? weightDecayAfter : l.weightDecayAfter(),
        probeLayout != null ? partitioned("--probe-layout", probeLayout) : l.partitionedProbes()));
    try {
      ProfileSettings.learnerBuilder(overridden, 0).build();
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      int colon = message.indexOf(": ");
      String option = colon < 0 ? null : givenOptionFor(message.substring(0, colon));
      if (option != null) {
        throw new UsageException(option + ": " + message.substring(colon + 2));
      }
    }
    return overridden;
  }

  /** {@code value} of an on/off option, or one line naming {@code option} (also {@code experiment --fanout}). */
  static boolean onOff(String option, String value) {
    return firstOf(option, value, "on", "off");
  }

  /** Whether {@code value} of a probe-layout option says partitioned, or one line naming {@code option}. */
  static boolean partitioned(String option, String value) {
    return !firstOf(option, value, "independent", "partitioned");
  }

  /** True for {@code first}, false for {@code second}, else one line naming {@code option} and both. */
  private static boolean firstOf(String option, String value, String first, String second) {
    if (value.equals(first) || value.equals(second)) {
      return value.equals(first);
    }
    throw new UsageException(option + ": must be " + first + " or " + second + ", got '" + value + "'");
  }

  /** True when {@code --budget} was given (a budget error then names the option, not the profile key). */
  boolean budgetGiven() {
    return budget != null;
  }

  /**
   * The option that overrides the learner key {@code key} (as {@code LearnerConfig.validate()} names
   * it) when that option was given, else null: a verdict on a given value names the option.
   */
  private String givenOptionFor(String key) {
    return switch (key) {
      case "learning-rate" -> learningRate != null ? "--lr" : null;
      case "sigma" -> sigma != null ? "--sigma" : null;
      case "trace-decay" -> traceDecay != null ? "--trace-decay" : null;
      case "baseline-rate" -> baselineRate != null ? "--baseline-rate" : null;
      case "probes-per-layer" -> probes != null ? "--probes" : null;
      case "probe-layout" -> probeLayout != null ? "--probe-layout" : null;
      case "budget" -> budget != null ? "--budget" : null;
      case "exploration" -> exploration != null ? "--exploration" : null;
      case "exploration-hold" -> explorationHold != null ? "--exploration-hold" : null;
      case "critic-rate" -> criticRate != null ? "--critic-rate" : null;
      case "critic-discount" -> criticDiscount != null ? "--critic-discount" : null;
      case "weight-decay" -> weightDecay != null ? "--weight-decay" : null;
      case "weight-decay-after" -> weightDecayAfter != null ? "--weight-decay-after" : null;
      default -> null;
    };
  }
}
