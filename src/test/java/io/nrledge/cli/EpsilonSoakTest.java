package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak scenario in {@code tests/soak/}: a forked JVM with Epsilon GC (allocation without any
 * collection) and a 64 MB heap runs millions of fast-mode ticks of the CartPole rig, every reward
 * through the event ring. A per-tick allocation of even a few bytes would exhaust the heap and
 * fail the run.
 */
class EpsilonSoakTest {
  private static final long TICKS = 5_000_000;

  @Test
  void shouldRunMillionsOfTicksWithoutAGarbageCollector(@TempDir Path dir) throws Exception {
    Path project = Path.of(System.getProperty("nrledge.projectDir", "."));
    Path summary = dir.resolve("summary.json");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-XX:+UnlockExperimentalVMOptions", "-XX:+UseEpsilonGC", "-Xmx64m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
        "--profile", project.resolve("tests/soak/soak-cartpole.yaml").toString(),
        "--ticks", Long.toString(TICKS), "--fast", "--status", "never", "--summary-json", summary.toString()))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("output.txt").toFile())
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "soak run finished in time");
    String output = Files.readString(dir.resolve("output.txt"));

    assertEquals(0, p.exitValue(), output);
    String json = Files.readString(summary);
    assertTrue(json.contains("\"ticks\":" + TICKS + ","), json);
    assertTrue(json.contains("\"faults\":0,"), json);
    assertTrue(json.contains("\"events_dropped\":0,"), json);
    assertTrue(new File(summary.toString()).length() > 0);
  }
}
