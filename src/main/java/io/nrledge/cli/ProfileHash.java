package io.nrledge.cli;

import io.nrledge.profiles.DeviceProfile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The fingerprint a checkpoint carries of the profile that wrote it: the first 8 bytes of SHA-256
 * over the learner settings, the reward form and the observation and action sections, each number
 * by its exact bits. A resumed run whose profile changed any of these is refused unless asked.
 * Under {@code learner.budget} the budget counts, not the probe count calibrated from it, so a
 * restarted robot resumes even when this start's calibration chose another count.
 */
final class ProfileHash {
  private ProfileHash() {}

  static long of(DeviceProfile p) {
    DeviceProfile.LearnerSettings l = p.learner();
    DeviceProfile.Observation o = p.observation();
    DeviceProfile.Actions a = p.actions();
    StringBuilder s = new StringBuilder();
    s.append("learner ").append(Arrays.toString(l.hidden())).append(' ').append(l.rule()).append(' ')
        .append(bits(l.learningRate())).append(' ').append(bits(l.sigma())).append(' ').append(bits(l.baselineRate()))
        .append(' ').append(bits(l.traceDecay())).append(' ').append(l.biases()).append(' ')
        // the key as written (absent: true), as before nrl-layer could scale; its factor is counted below
        .append(l.fanOut() == null || l.fanOut())
        .append(' ').append(l.rewardHistorySteps()).append(' ')
        // with a compute budget the probe count is measured anew at every start: the budget is the setting
        .append(l.budgetNs() > 0 ? "budget " + l.budgetNs() : Integer.toString(l.probesPerLayer()))
        // an exploration floor counts only when set, so the hashes of profiles without one stay as they were
        .append(l.exploration() > 0 ? " exploration " + bits(l.exploration()) : "")
        // likewise a hold counts only when longer than one tick
        .append(l.explorationHold() != 1 ? " exploration-hold " + l.explorationHold() : "")
        // a critic (with its discount) and a weight decay likewise count only when set
        .append(l.criticRate() > 0 ? " critic " + bits(l.criticRate()) + " " + bits(l.criticDiscount()) : "")
        .append(l.weightDecay() > 0 ? " weight-decay " + bits(l.weightDecay()) + " after " + l.weightDecayAfter() : "")
        .append(l.rule().equals("nrl-layer") && l.fanOutOn() ? " layer-fan-out" : "")
        .append(l.partitionedProbes() ? " partitioned" : "")
        .append('\n');
    s.append("form ").append(p.rewards().form()).append('\n');
    s.append("observation ").append(bits(o.offset())).append(bits(o.scale())).append(bits(o.min())).append(bits(o.max()))
        .append('\n');
    s.append("actions");
    for (double[] row : a.table()) {
      s.append(bits(row));
    }
    s.append(bits(a.min())).append(bits(a.max())).append(bits(a.slewPerTick())).append(bits(a.safe())).append('\n');
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The hash as 16 hex digits, as {@code inspect} shows it. */
  static String hex(long hash) {
    return String.format(Locale.ROOT, "%016x", hash);
  }

  private static String bits(double v) {
    return Long.toHexString(Double.doubleToRawLongBits(v));
  }

  private static String bits(double[] values) {
    StringBuilder s = new StringBuilder("[");
    for (double v : values) {
      s.append(bits(v)).append(',');
    }
    return s.append(']').toString();
  }
}
