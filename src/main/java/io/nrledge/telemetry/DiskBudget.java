package io.nrledge.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Keeps the run folders under one root within a byte budget: when a new telemetry file is about
 * to start, the oldest other runs are deleted first (least recently written first), then the
 * current run's oldest telemetry files; the file being written and the current run's
 * {@code episodes.csv} are never deleted, nor is a run another process is still writing
 * ({@link RunFolderLock}). Only folders that look like runs (they hold
 * {@code episodes.csv} or telemetry files) are counted or deleted, never anything else in the
 * root. Writer thread only.
 */
public final class DiskBudget {
  static final String TELEMETRY_PREFIX = "telemetry-";
  static final String TELEMETRY_SUFFIX = ".mcap";
  static final String EPISODES_CSV = "episodes.csv";

  private final Path root;
  private final Path currentRun;
  private final long budgetBytes;

  /** {@code root} holds the runs ({@code currentRun} may be the root itself: then only it counts). */
  public DiskBudget(Path root, Path currentRun, long budgetBytes) {
    this.root = root;
    this.currentRun = currentRun;
    this.budgetBytes = budgetBytes;
  }

  /**
   * Deletes oldest data until everything counted plus {@code reserveBytes} fits the budget,
   * keeping {@code keep}; the paths deleted, oldest first (when nothing more may be deleted the
   * budget may stay exceeded: the caller reports it).
   */
  public List<Path> enforce(long reserveBytes, Path keep) throws IOException {
    List<Path> deleted = new ArrayList<>();
    try {
      List<Path> runs = runsOldestFirst();
      long total = 0;
      for (Path run : runs) {
        total += size(run);
      }
      for (Path run : runs) {
        if (total + reserveBytes <= budgetBytes) {
          return deleted;
        }
        if (run.equals(currentRun)) {
          continue;
        }
        long bytes = size(run);
        if (RunFolderLock.deleteUnlessHeld(run, DiskBudget::looksLikeRun, DiskBudget::deleteTree)) {
          total -= bytes;
          deleted.add(run);
        } // else another run still running
      }
      for (Path file : telemetryFilesOldestFirst(currentRun)) {
        if (total + reserveBytes <= budgetBytes) {
          break;
        }
        if (file.equals(keep)) {
          continue;
        }
        total -= Files.size(file);
        Files.delete(file);
        deleted.add(file);
      }
      return deleted;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Bytes in the runs counted by this budget. */
  public long usedBytes() throws IOException {
    long total = 0;
    for (Path run : runsOldestFirst()) {
      total += size(run);
    }
    return total;
  }

  private List<Path> runsOldestFirst() throws IOException {
    if (root.equals(currentRun)) {
      return List.of(currentRun);
    }
    List<Path> runs = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      s.filter(Files::isDirectory).filter(DiskBudget::looksLikeRun).forEach(runs::add);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (!runs.contains(currentRun)) {
      runs.add(currentRun);
    }
    runs.sort(Comparator.comparing(DiskBudget::lastWritten).thenComparing(Path::toString));
    return runs;
  }

  static boolean looksLikeRun(Path dir) {
    if (Files.exists(dir.resolve(EPISODES_CSV))) {
      return true;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(DiskBudget::isTelemetryFile);
    } catch (IOException e) {
      return false;
    }
  }

  static boolean isTelemetryFile(Path p) {
    String n = p.getFileName().toString();
    return n.startsWith(TELEMETRY_PREFIX) && n.endsWith(TELEMETRY_SUFFIX);
  }

  /** The telemetry files of one run, oldest (lowest number) first. */
  public static List<Path> telemetryFilesOldestFirst(Path run) throws IOException {
    try (Stream<Path> s = Files.list(run)) {
      return s.filter(DiskBudget::isTelemetryFile).sorted().toList();
    }
  }

  private static FileTime lastWritten(Path dir) {
    FileTime[] newest = {FileTime.fromMillis(0)};
    visit(dir, (file, attrs) -> {
      if (attrs.lastModifiedTime().compareTo(newest[0]) > 0) {
        newest[0] = attrs.lastModifiedTime();
      }
    });
    return newest[0];
  }

  private static long size(Path dir) {
    long[] total = {0};
    visit(dir, (file, attrs) -> total[0] += attrs.isRegularFile() ? attrs.size() : 0);
    return total[0];
  }

  /** Visits every file under {@code dir}; files deleted meanwhile (by this budget or anyone) are skipped. */
  private static void visit(Path dir, BiConsumer<Path, BasicFileAttributes> visitor) {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          visitor.accept(file, attrs);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
