package io.nrledge.telemetry;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A live run's claim on its folder: an exclusive lock on {@code run.lock} in it, held from the
 * folder's creation until the run has written its last file. A {@link DiskBudget} never deletes a
 * folder whose lock is held, by this process or another (two runs sharing a runs folder, as
 * parallel experiments do). The operating system drops the lock when the process dies, so a
 * crashed run's folder becomes deletable. Not for the control thread.
 */
public final class RunFolderLock implements AutoCloseable {
  static final String FILE = "run.lock";
  /** Folders locked by this process: testing them through a second channel would release the lock (POSIX). */
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final Path folder;
  private final FileChannel channel;
  private final FileLock lock;

  private RunFolderLock(Path folder, FileChannel channel, FileLock lock) {
    this.folder = folder;
    this.channel = channel;
    this.lock = lock;
  }

  /** Locks {@code folder} (which must exist) for this run; {@link IOException} when another run holds it. */
  public static RunFolderLock acquire(Path folder) throws IOException {
    Path key = folder.toAbsolutePath().normalize();
    if (!HELD_HERE.add(key)) {
      throw new IOException(folder + " is in use by another run of this process");
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new IOException(folder + " is in use by another running process");
      }
      return new RunFolderLock(key, channel, lock);
    } catch (IOException | RuntimeException e) {
      HELD_HERE.remove(key);
      if (channel != null) {
        channel.close();
      }
      throw e;
    }
  }

  /** Whether a live run (of any process) holds {@code folder}; the disk budget's tests ask it. */
  static boolean held(Path folder) {
    Path key = folder.toAbsolutePath().normalize();
    if (!HELD_HERE.contains(key) && !Files.exists(key.resolve(FILE))) {
      return false;
    }
    try {
      return !whileFree(key, k -> { });
    } catch (IOException e) {
      return false; // gone meanwhile, or unreadable: not a live run's lock
    }
  }

  /** Does something to a folder; see {@link #deleteUnlessHeld}. */
  interface Deletion {
    void delete(Path folder) throws IOException;
  }

  /**
   * Deletes {@code folder} unless a live run holds it, and holds its lock while deleting, so that
   * no run can be in it meanwhile: a decision taken on an older listing (the folder since deleted
   * by another budget and its name claimed by a new run) finds the new run's lock and leaves it. A
   * folder without a lock file is a run from before folder locks, or one being claimed right now;
   * it is deleted only when {@code isRun} says so and the lock file is still absent after (a run
   * takes its lock before it writes a file). True when deleted.
   */
  static boolean deleteUnlessHeld(Path folder, Predicate<Path> isRun, Deletion deletion) throws IOException {
    Path key = folder.toAbsolutePath().normalize();
    Path file = key.resolve(FILE);
    if (!HELD_HERE.contains(key) && !Files.exists(file)) {
      if (!isRun.test(key) || Files.exists(file)) {
        return false;
      }
      deletion.delete(key);
      return true;
    }
    try {
      return whileFree(key, deletion);
    } catch (NoSuchFileException e) {
      return false; // gone already
    }
  }

  /**
   * Runs {@code action} on the folder {@code key} (absolute, normalised) while holding its lock,
   * when no live run holds it; false, without running it, when one does (this process's own runs
   * are known without a second channel: closing one would release their lock, POSIX).
   */
  private static boolean whileFree(Path key, Deletion action) throws IOException {
    if (HELD_HERE.contains(key)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(key.resolve(FILE), StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false; // a live run of another process
      }
      try {
        action.delete(key);
        return true;
      } finally {
        lock.release();
      }
    } catch (OverlappingFileLockException e) {
      return false; // another thread of this process holds it
    }
  }

  /** Releases the folder; its budget may delete it from now on. */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      HELD_HERE.remove(folder);
    }
  }
}
