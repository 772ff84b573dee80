package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.nrledge.profiles.DeviceProfile;
import io.nrledge.profiles.ProfileLoader;
import org.junit.jupiter.api.Test;

class ProfileHashTest {
  private static final DeviceProfile BASE = ProfileLoader.loadEmbeddedDefault();

  private static DeviceProfile with(int probes, long budgetNs) {
    return BASE.withLearner(BASE.learner().withProbes(probes, budgetNs));
  }

  @Test
  void shouldKeepTheHashWhenABudgetsMeasuredProbeCountChangesBetweenStarts() {
    assertEquals(ProfileHash.of(with(219, 200_000)), ProfileHash.of(with(548, 200_000)));
  }

  @Test
  void shouldChangeTheHashWithACriticOrAWeightDecayAndKeepItWithout() {
    DeviceProfile rover = ProfileLoader.load(java.nio.file.Path.of(System.getProperty("nrledge.projectDir", "."),
        "device-profiles", "sim-rover.yaml"));
    DeviceProfile.LearnerSettings l = rover.learner();
    long shipped = ProfileHash.of(rover);
    assertNotEquals(shipped, ProfileHash.of(rover.withLearner(settings(l, 0.001, l.criticDiscount(), l.weightDecay()))));
    assertNotEquals(shipped, ProfileHash.of(rover.withLearner(settings(l, l.criticRate(), 0.98, l.weightDecay()))));
    assertNotEquals(shipped, ProfileHash.of(rover.withLearner(settings(l, l.criticRate(), l.criticDiscount(), 0))));
    // without a critic its discount is not a setting: the hash of a profile from before the critic stays
    assertEquals(ProfileHash.of(rover.withLearner(settings(l, 0, 0.99, 0))),
        ProfileHash.of(rover.withLearner(settings(l, 0, 0.5, 0))));
  }

  private static DeviceProfile.LearnerSettings settings(DeviceProfile.LearnerSettings l, double critic, double discount,
      double decay) {
    return new DeviceProfile.LearnerSettings(l.hidden(), l.rule(), l.learningRate(), l.sigma(), l.baselineRate(),
        l.traceDecay(), l.biases(), l.fanOut(), l.rewardHistorySteps(), l.probesPerLayer(), l.budgetNs(),
        l.exploration(), l.explorationHold(), critic, discount, decay, l.weightDecayAfter(), l.partitionedProbes());
  }

  @Test
  void shouldCountNrlLayersFanOutFactorOnlyWhenOnSoEarlierCheckpointsStillResume() {
    // the embedded default (nrl-layer, no fan-out key), hashed before nrl-layer could take the factor
    assertEquals("97aaa2c2483d965b", ProfileHash.hex(ProfileHash.of(BASE)));
    DeviceProfile.LearnerSettings l = BASE.learner();
    assertNotEquals(ProfileHash.of(BASE), ProfileHash.of(BASE.withLearner(fanOut(l, l.rule(), true))));
    // nrl's factor is on by default: saying so changes nothing
    assertEquals(ProfileHash.of(BASE.withLearner(fanOut(l, "nrl", null))),
        ProfileHash.of(BASE.withLearner(fanOut(l, "nrl", true))));
  }

  private static DeviceProfile.LearnerSettings fanOut(DeviceProfile.LearnerSettings l, String rule, Boolean fanOut) {
    return new DeviceProfile.LearnerSettings(l.hidden(), rule, l.learningRate(), l.sigma(), l.baselineRate(),
        l.traceDecay(), l.biases(), fanOut, l.rewardHistorySteps(), l.probesPerLayer(), l.budgetNs(),
        l.exploration(), l.explorationHold(), l.criticRate(), l.criticDiscount(), l.weightDecay(), l.weightDecayAfter(),
        l.partitionedProbes());
  }

  @Test
  void shouldCountPartitionedProbesOnlyWhenOn() {
    DeviceProfile.LearnerSettings l = BASE.learner();
    assertEquals(false, l.partitionedProbes(), "the embedded default's probes are independent");
    DeviceProfile.LearnerSettings partitioned = new DeviceProfile.LearnerSettings(l.hidden(), l.rule(),
        l.learningRate(), l.sigma(), l.baselineRate(), l.traceDecay(), l.biases(), l.fanOut(), l.rewardHistorySteps(),
        l.probesPerLayer(), l.budgetNs(), l.exploration(), l.explorationHold(), l.criticRate(), l.criticDiscount(),
        l.weightDecay(), l.weightDecayAfter(), true);
    assertNotEquals(ProfileHash.of(BASE), ProfileHash.of(BASE.withLearner(partitioned)));
  }

  @Test
  void shouldChangeTheHashWithTheBudgetOrAFixedProbeCount() {
    assertNotEquals(ProfileHash.of(with(32, 200_000)), ProfileHash.of(with(32, 100_000)));
    assertNotEquals(ProfileHash.of(with(16, 0)), ProfileHash.of(with(32, 0)));
    assertNotEquals(ProfileHash.of(with(32, 0)), ProfileHash.of(with(32, 200_000)));
  }
}
