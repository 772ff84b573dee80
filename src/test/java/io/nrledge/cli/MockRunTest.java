package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.profiles.DeviceProfile;
import io.nrledge.profiles.ProfileLoader;
import io.nrledge.testing.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --mock}: refused on simulated rigs; a real-board profile runs on Pi4J's mock platform and stops safely on SIGTERM. */
class MockRunTest {
  private static final Path PROJECT = Path.of(System.getProperty("nrledge.projectDir", "."));
  private static final Path MOCK_RIG = PROJECT.resolve("tests/mock/pi4-mock-rig.yaml");

  @TempDir Path dir;

  @Test
  void shouldRefuseMockOnASimulatedRigInOneLine() {
    CommandRun run = CommandRun.execute("run", "--mock", "--ticks", "10", "--status", "never");

    assertEquals(2, run.exit(), run.err());
    assertEquals(List.of("nrl-edge: --mock: classpath:profiles/sim-cartpole.yaml is not a real-board profile (board: sim); --mock"
        + " runs a raspberry-pi-4/5 profile on Pi4J's mock platform"), run.errLines());
  }

  @Test
  void shouldNameTheSimulatedPlatformInTheSummary() throws Exception {
    Path json = dir.resolve("summary.json");
    CommandRun run = CommandRun.execute("run", "--ticks", "200", "--status", "never", "--summary-json", json.toString());

    assertEquals(0, run.exit(), run.err());
    assertTrue(Files.readString(json).contains("\"platform\":\"sim\""), Files.readString(json));
    assertTrue(run.outLines().get(0).endsWith(" (train, platform sim)"), run.out());
  }

  /** One device of every kind, in a forked {@code run --mock}, stopped by SIGTERM. */
  @Test
  void shouldRunARealBoardProfileOnTheMockPlatformAndLeaveItSafeOnSigterm() throws Exception {
    DeviceProfile profile = ProfileLoader.load(MOCK_RIG);
    assertTrue(profile.hardware() != null, MOCK_RIG + " describes a real board");
    Path summary = dir.resolve("summary.json");
    Path output = dir.resolve("output.txt");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--profile", MOCK_RIG.toString(),
        "--mock", "--duration", "60s", "--status", "always", "--summary-json", summary.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.readString(output).contains("ticks/s")) {
      assertTrue(process.isAlive(), "run ended early: " + Files.readString(output));
      assertTrue(System.nanoTime() - deadline < 0, "no status line within 30 s: " + Files.readString(output));
      Thread.sleep(50);
    }
    Thread.sleep(500);

    process.destroy(); // SIGTERM
    assertTrue(process.waitFor(10, TimeUnit.SECONDS), "exited after SIGTERM");

    String json = Files.readString(summary);
    assertEquals(0, process.exitValue(), Files.readString(output));
    assertTrue(json.contains("\"platform\":\"mock\""), json);
    assertTrue(Files.readString(output).contains("(train, platform mock)"), Files.readString(output));
    assertTrue(json.contains("\"stop_reason\":\"signal\""), json);
    assertTrue(json.contains("\"safe_stop\":true"), json);
    assertTrue(json.contains("\"actuators_at_exit\":[0.0,0.0,0.0]")
        || json.contains("\"actuators_at_exit\":[0.0,0.19999999999999996,0.0]"),
        "every actuator at its safe value (the servo's 1500 us within half a 1 % duty step): " + json);
  }
}
