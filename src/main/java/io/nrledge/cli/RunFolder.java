package io.nrledge.cli;

import io.nrledge.profiles.DeviceProfile;
import io.nrledge.telemetry.TelemetryWriter;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Where one run leaves its files: {@code --run-dir DIR}, or {@code <runs-folder>/<profile>-<UTC time>/}
 * under the profile's runs folder, and the writer settings that go with it (the budget covers
 * every run under the runs folder, or the given folder alone). Not for the control thread.
 */
final class RunFolder {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  /** Telemetry files per run budget: each file is at most budget / this. */
  static final int FILES_PER_BUDGET = 8;
  static final long MIN_FILE_BYTES = 64 * 1024;
  /** {@code report} reads a file whole: a file stays small enough for that on a Pi. */
  static final long MAX_FILE_BYTES = 64L << 20;

  private RunFolder() {}

  /** Creates the run folder; {@link UsageException} naming the folder or key when it cannot. */
  static TelemetryWriter.Settings create(DeviceProfile profile, Path runDir, Map<String, String> metadata,
      String faultNames, String phaseNames) {
    DeviceProfile.Storage storage = profile.storage();
    Path dir;
    Path budgetRoot;
    String what;
    if (runDir != null) {
      dir = runDir.toAbsolutePath();
      budgetRoot = dir;
      what = "--run-dir: '" + runDir + "'";
    } else {
      budgetRoot = Path.of(storage.runsFolder()).toAbsolutePath();
      dir = null;
      what = profile.where("storage.runs-folder") + ": storage.runs-folder: '" + budgetRoot + "'";
    }
    try {
      if (dir == null) {
        dir = claimFresh(budgetRoot, safeName(profile.name()) + "-" + STAMP.format(Instant.now()));
      } else if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new UsageException(what + " is not a folder");
      } else {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new UsageException(what + ": cannot create the run folder: " + e.getMessage());
    }
    if (!Files.isWritable(dir)) {
      throw new UsageException(what + ": the run folder is not writable");
    }
    long fileBytes = Math.min(MAX_FILE_BYTES, Math.max(MIN_FILE_BYTES, storage.runBudgetBytes() / FILES_PER_BUDGET));
    return new TelemetryWriter.Settings(dir, budgetRoot, storage.runBudgetBytes(), fileBytes, storage.syncIntervalNs(),
        metadata, faultNames, phaseNames);
  }

  /**
   * Creates {@code root/name}, or {@code name-2}, {@code name-3}… when taken: creating a folder is
   * atomic, so two runs started in the same second by two processes never share one.
   */
  static Path claimFresh(Path root, String name) throws IOException {
    Files.createDirectories(root);
    for (int i = 1; ; i++) {
      try {
        return Files.createDirectory(root.resolve(i == 1 ? name : name + "-" + i));
      } catch (FileAlreadyExistsException e) {
        // taken by an earlier run or a parallel one: try the next name
      }
    }
  }

  /** The profile's name as a folder name: letters, digits, '.', '_' and '-' only. */
  static String safeName(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.startsWith(".") ? "_" + s.substring(1) : s;
  }
}
