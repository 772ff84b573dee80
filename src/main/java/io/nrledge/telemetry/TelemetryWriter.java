package io.nrledge.telemetry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The low-priority thread that drains a {@link RunRecorder} into a run folder: telemetry as MCAP
 * files ({@code telemetry-000000.mcap}, …, rotated at {@code fileBytes}, see
 * {@link TelemetryFormat}), one {@code episodes.csv} row per episode, and a {@code /gap} message
 * wherever records were dropped. Writes are batched in one buffer and synced to the device at
 * least every {@code syncIntervalNs}, so a power cut loses at most that much; the runs stay within
 * the {@link DiskBudget}. Like the control thread it allocates nothing per record (a GC pause
 * would stop the loop too); only rotations, budget checks and log lines allocate. A write error stops the writer (counted, reported by the caller) and
 * never reaches the control thread, which only ever sees its rings fill and drop.
 */
public final class TelemetryWriter implements AutoCloseable {
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final long IDLE_PARK_NS = 2_000_000;
  private static final int DRAIN_RECORDS = 1024;
  private static final int CSV_DECIMALS = 4;

  /**
   * Where and how to write. {@code budgetRoot} is the folder whose runs share {@code budgetBytes}
   * (the run folder itself when it stands alone).
   */
  public record Settings(Path runDir, Path budgetRoot, long budgetBytes, long fileBytes, long syncIntervalNs,
      Map<String, String> runMetadata, String faultNames, String phaseNames) {}

  private final RunRecorder recorder;
  private final Settings settings;
  private final DiskBudget budget;
  private final long[] tickScratch;
  private final long[] eventScratch;
  private final FileChannel csv;
  private final AsciiLine row = new AsciiLine(160);
  private final ByteBuffer rowBytes = ByteBuffer.allocateDirect(160);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Throwable failure;
  private McapWriter mcap;
  private Path currentFile;
  private int fileIndex;
  private long sequence;
  private long lastTimeNs;
  private long lastSyncNs;
  private long seenTickDrops;
  private long seenEventDrops;
  private long messages;
  private long gaps;
  private long deletedPaths;

  /** Creates the run folder and its first files. Not real-time safe. */
  public TelemetryWriter(RunRecorder recorder, Settings settings) throws IOException {
    this.recorder = recorder;
    this.settings = settings;
    this.budget = new DiskBudget(settings.budgetRoot(), settings.runDir(), settings.budgetBytes());
    this.tickScratch = new long[DRAIN_RECORDS * recorder.ticks().width()];
    this.eventScratch = new long[DRAIN_RECORDS * recorder.events().width()];
    Files.createDirectories(settings.runDir());
    Path csvFile = settings.runDir().resolve(DiskBudget.EPISODES_CSV);
    boolean fresh = !Files.exists(csvFile) || Files.size(csvFile) == 0;
    this.csv = FileChannel.open(csvFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    if (fresh) {
      csv.write(ByteBuffer.wrap("episode,end_tick,ticks,return,moving_average\n".getBytes(StandardCharsets.US_ASCII)));
    }
    fileIndex = nextFileIndex(settings.runDir());
    openNextFile();
    this.thread = new Thread(this::drainUntilClosed, "nrl-telemetry");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
  }

  public TelemetryWriter start() {
    lastSyncNs = System.nanoTime();
    thread.start();
    return this;
  }

  /** Stops the thread after it wrote everything recorded, ends the file and syncs. Not real-time safe. */
  @Override
  public void close() throws IOException {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (failure == null) {
        drainAll();
        markGaps();
        mcap.finish();
        csv.force(false);
      }
    } finally {
      csv.close();
    }
    if (failure != null) {
      throw new IOException("telemetry writer stopped: " + failure, failure);
    }
  }

  /** Messages written, gap messages among them, and paths the budget deleted. Any thread after {@link #close()}. */
  public Settings settings() {
    return settings;
  }

  public long messages() {
    return messages;
  }

  public long gaps() {
    return gaps;
  }

  public long deletedPaths() {
    return deletedPaths;
  }

  /** The error that stopped the writer, or null. Any thread. */
  public Throwable failure() {
    return failure;
  }

  private void drainUntilClosed() {
    try {
      while (running) {
        int n = drainOnce();
        long now = System.nanoTime();
        if (now - lastSyncNs >= settings.syncIntervalNs()) {
          mcap.sync();
          csv.force(false);
          lastSyncNs = now;
        }
        if (n == 0) {
          LockSupport.parkNanos(Math.min(IDLE_PARK_NS, settings.syncIntervalNs()));
        }
      }
    } catch (IOException | RuntimeException e) {
      failure = e;
      RunLog.warn("telemetry writer stopped, records from now on are dropped: " + e);
    }
  }

  private void drainAll() throws IOException {
    while (drainOnce() > 0) {
      // until both rings are empty
    }
  }

  /** Drains what both rings hold now; the records drained. */
  private int drainOnce() throws IOException {
    int total = 0;
    int n = recorder.events().drain(eventScratch);
    int width = recorder.events().width();
    for (int i = 0; i < n; i++) {
      int at = i * width;
      seenEventDrops = gapBefore(eventScratch[at + RecordRing.DROPS_BEFORE], seenEventDrops, 1);
      writeEvent(at);
    }
    total += n;
    n = recorder.ticks().drain(tickScratch);
    width = recorder.ticks().width();
    for (int i = 0; i < n; i++) {
      int at = i * width;
      seenTickDrops = gapBefore(tickScratch[at + RecordRing.DROPS_BEFORE], seenTickDrops, 0);
      roomFor(48 + 8 * recorder.observationChannels());
      lastTimeNs = tickScratch[at + RunRecorder.TIME_NS];
      TelemetryFormat.tick(mcap, sequence++, tickScratch, at, recorder.observationChannels());
      messages++;
    }
    return total + n;
  }

  private void writeEvent(int at) throws IOException {
    roomFor(40);
    lastTimeNs = eventScratch[at + RunRecorder.TIME_NS];
    if (eventScratch[at + RunRecorder.KIND] == RunRecorder.EPISODE) {
      TelemetryFormat.episode(mcap, sequence++, eventScratch, at);
      csvRow(at);
    } else {
      TelemetryFormat.fault(mcap, sequence++, eventScratch, at);
    }
    messages++;
  }

  /** Writes a gap message when the ring's drop count rose before this record; the count now seen. */
  private long gapBefore(long dropsBefore, long seen, int ring) throws IOException {
    if (dropsBefore != seen) {
      roomFor(12);
      TelemetryFormat.gap(mcap, sequence++, lastTimeNs, dropsBefore - seen, ring);
      messages++;
      gaps++;
    }
    return dropsBefore;
  }

  /** After the last record: drops that no later record carried. */
  private void markGaps() throws IOException {
    seenTickDrops = gapBefore(recorder.ticks().dropped(), seenTickDrops, 0);
    seenEventDrops = gapBefore(recorder.events().dropped(), seenEventDrops, 1);
  }

  private void csvRow(int at) throws IOException {
    row.clear()
        .append(eventScratch[at + RunRecorder.A]).append(',')
        .append(eventScratch[at + RunRecorder.TICK_NO]).append(',')
        .append(eventScratch[at + RunRecorder.B]).append(',')
        .append(Double.longBitsToDouble(eventScratch[at + RunRecorder.C]), CSV_DECIMALS).append(',')
        .append(Double.longBitsToDouble(eventScratch[at + RunRecorder.D]), CSV_DECIMALS).append('\n');
    rowBytes.clear();
    row.copyTo(rowBytes);
    rowBytes.flip();
    while (rowBytes.hasRemaining()) {
      csv.write(rowBytes);
    }
  }

  /** Rotates to a new file when a message of {@code dataBytes} would pass the file size. */
  private void roomFor(int dataBytes) throws IOException {
    if (mcap.size() + McapWriter.RECORD_PREFIX + McapWriter.MESSAGE_HEADER + dataBytes + 64 > settings.fileBytes()) {
      mcap.finish();
      openNextFile();
    }
  }

  private void openNextFile() throws IOException {
    Path next = settings.runDir().resolve(String.format(Locale.ROOT, "%s%06d%s", DiskBudget.TELEMETRY_PREFIX,
        fileIndex++, DiskBudget.TELEMETRY_SUFFIX));
    // room for the new file and the csv's growth until the next rotation
    List<Path> deleted = budget.enforce(settings.fileBytes() + settings.fileBytes() / 4, currentFile);
    if (!deleted.isEmpty()) {
      deletedPaths += deleted.size();
      RunLog.info("disk budget of " + settings.budgetBytes() + " bytes: deleted " + deleted);
    }
    FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    currentFile = next;
    mcap = new McapWriter(channel, BUFFER_BYTES, "", "nrl-edge");
    TelemetryFormat.begin(mcap, settings.runMetadata(), settings.faultNames(), settings.phaseNames());
  }

  private static int nextFileIndex(Path runDir) throws IOException {
    List<Path> files = DiskBudget.telemetryFilesOldestFirst(runDir);
    if (files.isEmpty()) {
      return 0;
    }
    String last = files.get(files.size() - 1).getFileName().toString();
    return Integer.parseInt(last.substring(DiskBudget.TELEMETRY_PREFIX.length(),
        last.length() - DiskBudget.TELEMETRY_SUFFIX.length())) + 1;
  }
}
