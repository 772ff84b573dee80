package io.nrledge.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

  @Test
  void shouldReadFeatureVersionsOfOldAndNewNumberingSchemes() {
    assertEquals(8, Launcher.feature("1.8.0_392"));
    assertEquals(17, Launcher.feature("17"));
    assertEquals(25, Launcher.feature("25.0.1"));
    assertEquals(21, Launcher.feature("21-ea"));
    assertEquals(-1, Launcher.feature("abc"));
    assertEquals(-1, Launcher.feature(null));
  }

  @Test
  void shouldReadTheReleaseFileOfAJdk(@TempDir Path home) throws Exception {
    assertEquals(-1, Launcher.releaseFeature(home.toFile()));
    Files.write(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"21.0.4\"\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(21, Launcher.releaseFeature(home.toFile()));
  }

  @Test
  void shouldFindTheRuntimeRunningThisTestWhenItIsNewEnough() {
    File java = Launcher.findJava();
    assertNotNull(java, "the test JVM (Java 21+) or another JDK 21+ should be found");
    assertTrue(Launcher.releaseFeature(java.getParentFile().getParentFile()) >= Launcher.REQUIRED_FEATURE);
  }
}
