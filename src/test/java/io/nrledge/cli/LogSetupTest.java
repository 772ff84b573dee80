package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tinylog as configured for a run, in a child JVM (tinylog's configuration is fixed once per process). */
class LogSetupTest {
  private static final long FILE_BYTES = 16 * 1024;
  private static final int FILES = 3;

  @Test
  void shouldRollSlf4jLinesIntoCappedFilesAndKeepAtMostTheConfiguredCount(@TempDir Path dir) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LogProbe.class.getName(), dir.toString(),
        Long.toString(FILE_BYTES), Integer.toString(FILES), "3000")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
    assertEquals(0, p.exitValue(), output);
    List<Path> logs;
    try (Stream<Path> s = Files.list(dir)) {
      logs = s.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
    }
    // 3000 lines of ~110 bytes are ~330 KB: far more than 3 files of 16 KB, so the log rolled
    assertEquals(FILES, logs.size(), "log files: " + logs);
    long lineBytes = 200;
    for (Path log : logs) {
      assertTrue(Files.size(log) <= FILE_BYTES + lineBytes, log + " has " + Files.size(log) + " bytes");
    }
    String all = String.join("", logs.stream().map(LogSetupTest::read).toList());
    assertTrue(all.lines().anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+\\S* INFO \\[main\\] LogProbe: "
        + "slf4j line 2999 of a probe that fills the log")), "the last SLF4J line, timestamped, is in the files");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
