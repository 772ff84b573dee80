package io.nrledge.profiles;

import static io.nrledge.profiles.ProfileErrors.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DeviceProfilesTest {
  private static final Path PROJECT = Path.of(System.getProperty("nrledge.projectDir", "."));

  private static List<Path> profiles() throws IOException {
    try (Stream<Path> files = Files.list(PROJECT.resolve("device-profiles"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void shouldLoadAndValidateEveryProfileInDeviceProfiles() throws IOException {
    List<Path> files = profiles();
    assertTrue(files.size() >= 4, "one profile per simulated rig: " + files);
    for (Path f : files) {
      DeviceProfile p = ProfileLoader.load(f);
      assertEquals(f.getFileName().toString().replace(".yaml", ""), p.name(), "name matches the file");
      assertEquals(p.observation().channels(), p.observation().min().length);
      assertTrue(p.actions().table().length >= 2);
    }
  }

  @Test
  void shouldBundleTheDeviceProfilesCartPoleAsTheEmbeddedDefault() throws IOException {
    assertEquals(Files.readString(PROJECT.resolve("device-profiles/sim-cartpole.yaml")),
        Files.readString(PROJECT.resolve("src/main/resources/" + ProfileLoader.EMBEDDED_DEFAULT)));
    assertEquals("sim-cartpole", ProfileLoader.loadEmbeddedDefault().name());
  }

  private static final String MINIMAL = """
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
        rule: nrl
      """;

  @Test
  void shouldReadAMinimalProfileWithDefaults() {
    DeviceProfile p = ProfileLoader.parse("p.yaml", MINIMAL);

    assertEquals(20_000_000L, p.loop().periodNs());
    assertEquals(null, p.loop().idle(), "unset: the runtime's default, which the runtime owns");
    assertEquals(-1, p.loop().spinNs());
    assertEquals("fast", p.loop().time());
    assertTrue(Double.isNaN(p.rewards().perTick()));
    assertEquals(64, p.learner().hidden()[0]);
    assertEquals("p.yaml:5:11", p.where("loop.period"));
  }

  @Test
  void shouldNameFileLineColumnAndKeyOfAnUnknownKey() {
    assertEquals("p.yaml:5:3: loop.perod: unknown key (did you mean 'period'?)", error(MINIMAL.replace("  period: 20ms", "  perod: 20ms")));
  }

  @Test
  void shouldNameFileLineColumnAndKeyOfABadValue() {
    assertEquals("p.yaml:5:11: loop.period: must be a duration like 20ms, 150us or 10s, got 'fast'",
        error(MINIMAL.replace("period: 20ms", "period: fast")));
    assertEquals("p.yaml:3:9: rig.type: must be one of cartpole, acrobot, reaching, rover, bridge, got 'cartpol' (did you mean 'cartpole'?)",
        error(MINIMAL.replace("type: cartpole", "type: cartpol")));
  }

  @Test
  void shouldRejectPerChannelListsOfTheWrongLength() {
    assertEquals("p.yaml:8:8: observation.min: needs 4 entries (one per channel), got 2",
        error(MINIMAL.replace("  channels: 4\n", "  channels: 4\n  min: [0, 1]\n")));
  }

  @Test
  void shouldReadPerLayerProbesForNrlLayer() {
    DeviceProfile p = ProfileLoader.parse("p.yaml", MINIMAL.replace("  rule: nrl", "  rule: nrl-layer\n  probes-per-layer: 8"));
    assertEquals("nrl-layer", p.learner().rule());
    assertEquals(8, p.learner().probesPerLayer());
    assertEquals(1, ProfileLoader.parse("p.yaml", MINIMAL).learner().probesPerLayer());
  }

  @Test
  void shouldReadTheLearnersBudgetPerTickInNanosecondsAndNoneByDefault() {
    DeviceProfile p = ProfileLoader.parse("p.yaml", MINIMAL.replace("  rule: nrl", "  rule: nrl-layer\n  budget: 200us"));
    assertEquals(200_000, p.learner().budgetNs());
    assertEquals(0, ProfileLoader.parse("p.yaml", MINIMAL).learner().budgetNs());
    assertTrue(error(MINIMAL.replace("  rule: nrl", "  rule: nrl-layer\n  budget: 0us"))
        .matches("p\\.yaml:\\d+:11: learner\\.budget: must be > 0"), "a zero budget");
  }

  @Test
  void shouldReportYamlSyntaxErrorsWithTheirPosition() {
    assertTrue(error("name: [unclosed\n").startsWith("p.yaml:2:1: yaml: "));
  }
}
