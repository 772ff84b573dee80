package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.profiles.DeviceProfile;
import io.nrledge.profiles.ProfileException;
import io.nrledge.profiles.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every profile the project ships passes every owner's limits, not only the loader's. */
class ShippedProfilesCheckTest {
  private static final Path PROJECT = Path.of(System.getProperty("nrledge.projectDir", "."));

  @Test
  void shouldPassEveryOwnersCheckForEveryShippedProfile() throws IOException {
    List<Path> files;
    try (Stream<Path> device = Files.list(PROJECT.resolve("device-profiles"));
        Stream<Path> soak = Files.list(PROJECT.resolve("tests/soak"))) {
      files = Stream.concat(device, soak).filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 5, files.toString());
    for (Path f : files) {
      DeviceProfile profile = ProfileLoader.load(f);
      assertDoesNotThrow(() -> ProfileSettings.check(profile), f.toString());
    }
  }

  @Test
  void shouldReportAnOwnersVerdictAtTheProfileKey() {
    DeviceProfile profile = ProfileLoader.parse("p.yaml", """
        name: t
        rig:
          type: cartpole
        loop:
          period: 20ms
        observation:
          channels: 4
        actions:
          table: [[-10], [10]]
        reward:
          form: episodic
        learner:
          sigma: 11
        """);

    ProfileException e = assertThrows(ProfileException.class, () -> ProfileSettings.check(profile));
    assertEquals("p.yaml:13:10: learner.sigma: must be in (0, 10.0], got 11.0", e.getMessage());
  }
}
