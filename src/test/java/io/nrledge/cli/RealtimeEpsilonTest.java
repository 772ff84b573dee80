package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real-time run as a robot would do it, for over a minute, with the status line redrawn every
 * 500 ms, in a forked JVM under Epsilon GC (no collector) with a small heap: every thread of the
 * process — control, supervisor, main — must stay garbage-free after warm-up, or the heap runs out.
 * The run measures the whole process's allocation rate after warm-up, and the test bounds it.
 */
class RealtimeEpsilonTest {
  private static final int SECONDS = 62;
  /** A few status lines' worth of JVM-internal bookkeeping per second; a per-tick or per-line leak is far above. */
  private static final double MAX_PROCESS_ALLOC_BYTES_PER_S = 1_024;

  private static double number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":([0-9.Ee+-]+)").matcher(json);
    assertTrue(m.find(), key + " in " + json);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void shouldKeepTheWholeProcessNearlyGarbageFreeDuringARealtimeRunWithStatusLine(@TempDir Path dir) throws Exception {
    Path project = Path.of(System.getProperty("nrledge.projectDir", "."));
    Path summary = dir.resolve("summary.json");
    Path output = dir.resolve("output.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-XX:+UnlockExperimentalVMOptions", "-XX:+UseEpsilonGC", "-Xmx96m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
        "--profile", project.resolve("tests/soak/realtime-status.yaml").toString(),
        "--duration", SECONDS + "s", "--status", "always", "--summary-json", summary.toString()))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    assertTrue(p.waitFor(SECONDS + 60, TimeUnit.SECONDS), "run finished in time");
    String out = Files.readString(output);

    assertEquals(0, p.exitValue(), out);
    String json = Files.readString(summary);
    assertTrue(json.contains("\"stop_reason\":\"duration\""), json);
    assertTrue(out.split("ticks/s", -1).length > SECONDS, "a status line about every 500 ms: " + out.length());
    double bytesPerSecond = number(json, "process_alloc_bytes_per_s");
    System.out.printf("real-time run under Epsilon GC: whole process allocated %.0f bytes/s after warm-up%n",
        bytesPerSecond);
    assertTrue(bytesPerSecond < MAX_PROCESS_ALLOC_BYTES_PER_S, "process allocation rate " + bytesPerSecond + " B/s");

    // The dry run compiled the tick path: the first real ticks are not the interpreter's (cold,
    // they take 10-30x longer at p99 here), so they stay within a few times the run's p99.
    double first = number(json, "first_ticks_work_p99_us");
    double all = number(json, "tick_p99_us");
    assertTrue(number(json, "dry_run_ticks") > 0, json);
    assertTrue(first <= 4 * all + 100, "first ticks p99 " + first + " us against the run's " + all + " us");
  }
}
