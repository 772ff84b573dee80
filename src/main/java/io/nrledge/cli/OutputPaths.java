package io.nrledge.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Checks output paths before a command starts its work, so a path that cannot be written is one
 * {@link UsageException} line (exit 2) with a plain reason ("permission denied", "no such
 * folder"), not a failure after the work is done. Leaves nothing behind: a probe file it creates
 * is deleted again, an existing file is opened for appending and never truncated.
 */
final class OutputPaths {
  private OutputPaths() {}

  /** Refuses unless {@code path} (a file option such as {@code --summary-json}) can be created or written; null is fine. */
  static void checkWritableFile(String option, Path path) {
    if (path == null) {
      return;
    }
    String shown = "'" + path + "'";
    if (path.toString().isEmpty()) {
      throw new UsageException(option + ": must not be empty");
    }
    if (Files.isDirectory(path)) {
      throw new UsageException(option + ": " + shown + " is a folder");
    }
    if (Files.exists(path)) {
      if (!Files.isRegularFile(path)) {
        throw new UsageException(option + ": " + shown + " is not a regular file (a device, pipe or socket)");
      }
      try {
        FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND).close();
        return;
      } catch (IOException e) {
        throw new UsageException(option + ": cannot write " + shown + ": " + reason(e));
      }
    }
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && !Files.exists(parent)) {
      throw new UsageException(option + ": cannot write " + shown + ": no such folder '" + parent + "'");
    }
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageException(option + ": cannot write " + shown + ": '" + parent + "' is not a folder");
    }
    try {
      Files.delete(Files.createFile(path));
    } catch (IOException e) {
      throw new UsageException(option + ": cannot write " + shown + ": " + reason(e));
    }
  }

  /** The folder {@code text} (an option such as {@code --out}), created if needed; refuses "", a file, or a place that cannot be written. */
  static Path folder(String option, String text) {
    if (text.isEmpty()) {
      throw new UsageException(option + ": must not be empty");
    }
    Path dir;
    try {
      dir = Path.of(text);
    } catch (InvalidPathException e) {
      throw new UsageException(option + ": '" + text + "' is not a valid path");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageException(option + ": '" + text + "' exists and is not a folder");
    }
    try {
      Files.createDirectories(dir);
      Files.delete(Files.createTempFile(dir, ".probe", ".tmp"));
    } catch (IOException e) {
      throw new UsageException(option + ": cannot write into '" + text + "': " + reason(e));
    }
    return dir;
  }

  /** A plain reason for a failed file operation, without exception class names. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "a parent is not a folder";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT);
    }
    return e.getMessage() == null ? "cannot write" : e.getMessage().toLowerCase(Locale.ROOT);
  }
}
