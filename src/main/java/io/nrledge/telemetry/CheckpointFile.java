package io.nrledge.telemetry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The checkpoint file format, version 1: a fixed header, the state body as the runtime laid it out
 * in sections, and a CRC-32C over header and body. All little-endian.
 *
 * <pre>
 * offset  bytes  field
 * 0       8      magic "NRLSTATE"
 * 8       4      format version (1)
 * 12      4      header bytes (56 + 4·sections)
 * 16      8      profile hash (learner, observation and action sections of the profile)
 * 24      8      episodes completed
 * 32      8      ticks run
 * 40      8      wall time of the save, ms since 1970 (UTC)
 * 48      4      body bytes
 * 52      4      sections n (≤ 16)
 * 56      4·n    bytes of each section, in order; they sum to the body bytes
 * header  body   the state
 * end−4   4      CRC-32C of everything before it
 * </pre>
 *
 * Knows nothing of what the sections hold. Not for the control thread.
 */
public final class CheckpointFile {
  public static final int VERSION = 1;
  static final byte[] MAGIC = "NRLSTATE".getBytes(StandardCharsets.US_ASCII);
  static final int FIXED_HEADER_BYTES = 56;
  static final int MAX_SECTIONS = 16;
  static final int CRC_BYTES = 4;

  private CheckpointFile() {}

  /** Header bytes for {@code sections} sections. */
  public static int headerBytes(int sections) {
    return FIXED_HEADER_BYTES + 4 * sections;
  }

  /** File bytes for a body of {@code bodyBytes} in {@code sections} sections. */
  public static int fileBytes(int sections, int bodyBytes) {
    return headerBytes(sections) + bodyBytes + CRC_BYTES;
  }

  /**
   * Writes a whole file into {@code out} from position 0 (little-endian, capacity at least
   * {@link #fileBytes}) and leaves it ready to read: position 0, limit at its end.
   */
  public static void encode(ByteBuffer out, long profileHash, long episodes, long ticks, long wallTimeMs,
      int[] sections, ByteBuffer body) {
    int bodyBytes = body.remaining();
    int sum = 0;
    for (int s : sections) {
      sum += s;
    }
    if (sum != bodyBytes || sections.length > MAX_SECTIONS) {
      throw new IllegalArgumentException("sections sum to " + sum + " bytes, body has " + bodyBytes);
    }
    out.clear().order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).putInt(VERSION).putInt(headerBytes(sections.length)).putLong(profileHash).putLong(episodes)
        .putLong(ticks).putLong(wallTimeMs).putInt(bodyBytes).putInt(sections.length);
    for (int s : sections) {
      out.putInt(s);
    }
    out.put(body);
    CRC32C crc = new CRC32C();
    crc.update(out.array(), out.arrayOffset(), out.position());
    out.putInt((int) crc.getValue());
    out.flip();
  }

  /** Reads and checks a whole file's bytes; the message of the exception says what is wrong. */
  public static Checkpoint decode(Path file, byte[] bytes) throws InvalidCheckpointException {
    if (bytes.length == 0) {
      throw new InvalidCheckpointException("empty file (0 bytes)");
    }
    if (bytes.length < FIXED_HEADER_BYTES) {
      throw new InvalidCheckpointException("truncated: " + bytes.length + " bytes, shorter than the header");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (byte b : MAGIC) {
      if (in.get() != b) {
        throw new InvalidCheckpointException("not a checkpoint (wrong magic)");
      }
    }
    int version = in.getInt();
    if (version != VERSION) {
      throw new InvalidCheckpointException("format version " + version + ", this build reads version " + VERSION);
    }
    int headerBytes = in.getInt();
    long profileHash = in.getLong();
    long episodes = in.getLong();
    long ticks = in.getLong();
    long wallTimeMs = in.getLong();
    int bodyBytes = in.getInt();
    int n = in.getInt();
    if (n < 0 || n > MAX_SECTIONS || headerBytes != headerBytes(n) || bodyBytes < 0) {
      throw new InvalidCheckpointException("header is inconsistent (" + n + " sections, " + headerBytes + " header bytes)");
    }
    long expected = (long) headerBytes + bodyBytes + CRC_BYTES;
    if (bytes.length != expected) {
      throw new InvalidCheckpointException((bytes.length < expected ? "truncated: " : "too long: ") + bytes.length
          + " bytes, the header says " + expected);
    }
    int[] sections = new int[n];
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sections[i] = in.getInt();
      sum += sections[i];
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - CRC_BYTES);
    int stored = ByteBuffer.wrap(bytes, bytes.length - CRC_BYTES, CRC_BYTES).order(ByteOrder.LITTLE_ENDIAN).getInt();
    if (stored != (int) crc.getValue()) {
      throw new InvalidCheckpointException(String.format(
          "checksum mismatch (CRC-32C stored %08x, computed %08x): the file is corrupt", stored, (int) crc.getValue()));
    }
    if (sum != bodyBytes) {
      throw new InvalidCheckpointException("sections sum to " + sum + " bytes, the body has " + bodyBytes);
    }
    byte[] body = new byte[bodyBytes];
    System.arraycopy(bytes, headerBytes, body, 0, bodyBytes);
    return new Checkpoint(file, profileHash, episodes, ticks, wallTimeMs, sections, body);
  }

  /** A checked checkpoint: its header fields and body. */
  public static final class Checkpoint {
    private final Path file;
    private final long profileHash;
    private final long episodes;
    private final long ticks;
    private final long wallTimeMs;
    private final int[] sections;
    private final byte[] body;

    Checkpoint(Path file, long profileHash, long episodes, long ticks, long wallTimeMs, int[] sections, byte[] body) {
      this.file = file;
      this.profileHash = profileHash;
      this.episodes = episodes;
      this.ticks = ticks;
      this.wallTimeMs = wallTimeMs;
      this.sections = sections;
      this.body = body;
    }

    public Path file() {
      return file;
    }

    public long profileHash() {
      return profileHash;
    }

    public long episodes() {
      return episodes;
    }

    public long ticks() {
      return ticks;
    }

    public long wallTimeMs() {
      return wallTimeMs;
    }

    /** Bytes of each section, in order. */
    public int[] sections() {
      return sections.clone();
    }

    public int bodyBytes() {
      return body.length;
    }

    /** The whole body, little-endian, read-only. */
    public ByteBuffer body() {
      return ByteBuffer.wrap(body).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Section {@code i} alone, little-endian, read-only. */
    public ByteBuffer section(int i) {
      int offset = 0;
      for (int k = 0; k < i; k++) {
        offset += sections[k];
      }
      return ByteBuffer.wrap(body, offset, sections[i]).slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }
  }
}
