package io.nrledge.cli;

import io.nrledge.profiles.DeviceProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinylog.configuration.Configuration;

/**
 * Configures tinylog from a profile's {@code storage:} section before anything logs: rolling
 * files {@code nrl-edge-N.log} in the log folder, at most {@code log-files} of
 * {@code log-file-size} each, written by tinylog's own writing thread. Pi4J logs through SLF4J,
 * which slf4j-tinylog routes into the same files. Console output is not the log's business.
 */
final class LogSetup {
  static final String FILE_PATTERN = "nrl-edge-{count}.log";

  private LogSetup() {}

  /**
   * Points the log at the profile's folder (created if missing); false when tinylog was already
   * configured in this process (a second run in one JVM, as in tests) and keeps its files.
   * {@link UsageException} naming the folder when it cannot be created.
   */
  static boolean configure(DeviceProfile profile) {
    DeviceProfile.Storage storage = profile.storage();
    Path folder = Path.of(storage.logFolder()).toAbsolutePath();
    if (Configuration.isFrozen()) {
      return false;
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UsageException(profile.where("storage.log-folder") + ": storage.log-folder: cannot create " + folder
          + ": " + e.getMessage());
    }
    if (!Files.isWritable(folder)) {
      throw new UsageException(profile.where("storage.log-folder") + ": storage.log-folder: " + folder
          + " is not writable");
    }
    Configuration.replace(settings(folder, storage.logFileBytes(), storage.logFiles()));
    return true;
  }

  /** The tinylog properties for rolling files in {@code folder}. */
  static Map<String, String> settings(Path folder, long fileBytes, int files) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("writingthread", "true");
    m.put("writer", "rolling file");
    m.put("writer.level", "info");
    m.put("writer.file", folder.resolve(FILE_PATTERN).toString());
    m.put("writer.policies", "size: " + fileBytes);
    m.put("writer.backups", Integer.toString(files));
    m.put("writer.format", "{date:yyyy-MM-dd'T'HH:mm:ss.SSSXXX} {level} [{thread}] {class-name}: {message}");
    return m;
  }
}
