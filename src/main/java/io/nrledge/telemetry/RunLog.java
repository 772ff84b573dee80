package io.nrledge.telemetry;

import org.tinylog.Logger;

/**
 * The one seam through which run events reach the text log (tinylog, configured by the command
 * line before anything logs): faults, recoveries, episode milestones, checkpoints, files. Each
 * call formats and allocates (~450 bytes): never call it on the control thread; the supervisor
 * and the writer threads do.
 */
public final class RunLog {
  private RunLog() {}

  /** Something a person watching the run wants in the log. Not real-time safe. */
  public static void info(String message) {
    Logger.info(message);
  }

  /** Something that went wrong but did not stop the run. Not real-time safe. */
  public static void warn(String message) {
    Logger.warn(message);
  }
}
