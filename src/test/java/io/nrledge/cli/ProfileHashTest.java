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
  void shouldChangeTheHashWithTheBudgetOrAFixedProbeCount() {
    assertNotEquals(ProfileHash.of(with(32, 200_000)), ProfileHash.of(with(32, 100_000)));
    assertNotEquals(ProfileHash.of(with(16, 0)), ProfileHash.of(with(32, 0)));
    assertNotEquals(ProfileHash.of(with(32, 0)), ProfileHash.of(with(32, 200_000)));
  }
}
