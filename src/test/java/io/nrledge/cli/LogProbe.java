package io.nrledge.cli;

import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.tinylog.configuration.Configuration;

/** Child-process main for {@link LogSetupTest}: configures the log like a run, then logs through SLF4J as Pi4J does. */
public final class LogProbe {
  private LogProbe() {}

  /** {@code FOLDER FILE_BYTES FILES LINES}. */
  public static void main(String[] args) {
    Configuration.replace(LogSetup.settings(Path.of(args[0]), Long.parseLong(args[1]), Integer.parseInt(args[2])));
    org.slf4j.Logger pi4jStyle = LoggerFactory.getLogger("com.pi4j.Pi4J");
    int lines = Integer.parseInt(args[3]);
    for (int i = 0; i < lines; i++) {
      pi4jStyle.info("slf4j line {} of a probe that fills the log", i);
    }
  }
}
