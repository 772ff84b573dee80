package io.nrledge.telemetry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder of checkpoints, {@code state-NNNNNNNNNNNN.ckpt} numbered upwards, the highest the newest.
 * Each is written so that a power cut leaves either the old set or the old set plus the complete
 * new file: the bytes go to {@code NAME.tmp}, are forced to the device, the file is renamed
 * atomically over its final name and the folder itself is forced. Leftover temporaries are removed
 * on start. Never used on the control thread.
 */
public final class CheckpointStore {
  private static final Pattern NAME = Pattern.compile("state-(\\d{12})\\.ckpt");
  private static final String TEMPORARY_SUFFIX = ".tmp";

  private final Path dir;
  /** Test-only: sleep this long halfway through writing each file, to make a crash mid-write likely. */
  private final long testWriteDelayMs = Long.getLong("nrledge.checkpoint.testWriteDelayMs", 0);

  public CheckpointStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The file name of checkpoint number {@code sequence}. */
  public static String fileName(long sequence) {
    return String.format(Locale.ROOT, "state-%012d.ckpt", sequence);
  }

  /** True for a name this store writes. */
  public static boolean isCheckpointName(String name) {
    return NAME.matcher(name).matches();
  }

  /** The checkpoint files, newest first. */
  public List<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (isCheckpointName(p.getFileName().toString()) && Files.isRegularFile(p)) {
          files.add(p);
        }
      }
    }
    files.sort(Comparator.comparingLong(CheckpointStore::sequence).reversed());
    return files;
  }

  /** The number the next checkpoint gets: one above the highest present (1 in an empty folder). */
  public long nextSequence() throws IOException {
    List<Path> files = files();
    return files.isEmpty() ? 1 : sequence(files.get(0)) + 1;
  }

  private static long sequence(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /** Deletes temporaries a crash left behind; returns how many. */
  public int removeTemporaries() throws IOException {
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "state-*.ckpt" + TEMPORARY_SUFFIX)) {
      for (Path p : entries) {
        if (Files.deleteIfExists(p)) {
          removed++;
        }
      }
    }
    return removed;
  }

  /** Writes {@code bytes} (position to limit) as checkpoint {@code sequence}, durably and atomically. */
  public Path write(long sequence, ByteBuffer bytes) throws IOException {
    Path target = dir.resolve(fileName(sequence));
    Path temporary = dir.resolve(fileName(sequence) + TEMPORARY_SUFFIX);
    try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ByteBuffer src = bytes.duplicate();
      if (testWriteDelayMs > 0) {
        int end = src.limit();
        src.limit(src.position() + src.remaining() / 2);
        writeFully(out, src);
        sleepForTest();
        src.limit(end);
      }
      writeFully(out, src);
      out.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceFolder();
    return target;
  }

  private static void writeFully(FileChannel out, ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      out.write(src);
    }
  }

  private void sleepForTest() throws IOException {
    try {
      Thread.sleep(testWriteDelayMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing a checkpoint", e);
    }
  }

  /** Forces the folder's entries (the rename) to the device; Linux allows a channel on a folder. */
  private void forceFolder() throws IOException {
    try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
      folder.force(true);
    }
  }

  /** Deletes all but the newest {@code keep} checkpoints. */
  public void prune(int keep) throws IOException {
    List<Path> files = files();
    for (int i = keep; i < files.size(); i++) {
      try {
        Files.delete(files.get(i));
      } catch (NoSuchFileException e) {
        // already gone
      }
    }
  }

  /** One checkpoint file as read: the checked checkpoint, or why it cannot be used. */
  public record Entry(Path file, CheckpointFile.Checkpoint checkpoint, String error) {
    public boolean valid() {
      return checkpoint != null;
    }
  }

  /** Reads and checks one file. */
  public static Entry read(Path file) {
    try {
      return new Entry(file, CheckpointFile.decode(file, Files.readAllBytes(file)), null);
    } catch (InvalidCheckpointException e) {
      return new Entry(file, null, e.getMessage());
    } catch (IOException e) {
      return new Entry(file, null, "cannot read: " + e.getMessage());
    }
  }

  /** Every checkpoint, newest first, each read and checked. */
  public List<Entry> entries() throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (Path p : files()) {
      entries.add(read(p));
    }
    return entries;
  }

  /**
   * The newest valid checkpoint, or null when there is none; each newer invalid one is reported to
   * {@code skipped} in one line naming the file.
   */
  public CheckpointFile.Checkpoint newestValid(Consumer<String> skipped) throws IOException {
    for (Path p : files()) {
      Entry e = read(p);
      if (e.valid()) {
        return e.checkpoint();
      }
      skipped.accept(p + ": skipped: " + e.error());
    }
    return null;
  }
}
