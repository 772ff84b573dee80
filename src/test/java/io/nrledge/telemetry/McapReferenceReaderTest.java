package io.nrledge.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our MCAP files read by the reference TypeScript reader, {@code @mcap/core}. Skipped when node or
 * the module is missing; {@code .ci/run} installs the module into {@code .ci/mcap-node}.
 */
class McapReferenceReaderTest {
  private static final Path MODULES = Path.of(".ci", "mcap-node", "node_modules");

  @Test
  void shouldBeReadByMcapCoreWithExactlyTheMessagesOurReaderSees(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isDirectory(MODULES.resolve("@mcap").resolve("core")), "@mcap/core not installed in " + MODULES);
    assumeTrue(nodeAvailable(), "node not on the PATH");
    RunRecorder recorder = new RunRecorder(3, 64, 16);
    TelemetryWriter writer = new TelemetryWriter(recorder, new TelemetryWriter.Settings(dir, dir, 1L << 30, 1L << 30,
        50_000_000L, Map.of("profile", "reference"), "overruns,sensor-timeout", "read,observe"));
    double[] obs = {1.5, -2.0, 0.25};
    for (int t = 0; t < 70; t++) { // 64 fit, 6 drop: a gap message too
      recorder.tick(t, 20_000_000L * t, t, t % 3, t % 10 == 0 ? 1.0 : 0.0, -0.5 * t, obs);
    }
    recorder.episode(40, 800_000_000L, 1, 41, 41.0, 41.0);
    recorder.fault(50, 1_000_000_000L, 1, 0, 2);
    writer.start();
    writer.close();
    Path file = DiskBudget.telemetryFilesOldestFirst(dir).get(0);

    List<String> ours = new ArrayList<>();
    McapReader.read(file, (c, seq, logTime, data) -> {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      ours.add(c.topic() + " " + seq + " " + logTime + " " + HexFormat.of().formatHex(bytes));
    });
    ours.add("end");

    Path script = Path.of("src", "test", "resources", "mcap", "read-mcap.cjs").toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder("node", script.toString(), file.toString()).redirectErrorStream(true);
    pb.environment().put("NODE_PATH", MODULES.toAbsolutePath().toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), output);
    assertEquals(64 + 2 + 1 + 1, ours.size(), "ticks, episode and fault, the gap, end");
    assertEquals(ours, output.lines().toList());
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
