package io.nrledge.telemetry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an MCAP file written by {@link McapWriter} (or any unchunked MCAP) record by record,
 * handing each message to a {@link Visitor}. A file cut short (power loss, a writer still
 * running) is read up to its last complete record and reported as incomplete, never as an error;
 * only a file that is not MCAP at all is refused. Chunked files are not supported (their chunks
 * are skipped and counted). Not for the control thread.
 */
public final class McapReader {
  /** Receives the messages in file order; {@code data} is positioned at the message's bytes (little-endian). */
  public interface Visitor {
    void message(Channel channel, long sequence, long logTimeNs, ByteBuffer data);
  }

  public record Schema(int id, String name, String encoding, String data) {}

  public record Channel(int id, Schema schema, String topic, String messageEncoding, Map<String, String> metadata) {}

  /**
   * What was read: {@code complete} when the file ended with a footer and the magic;
   * {@code validBytes} up to the end of the last complete record.
   */
  public record Outcome(long messages, boolean complete, long validBytes, Map<String, Map<String, String>> metadata,
      int skippedChunks) {}

  private McapReader() {}

  /** Reads {@code file}; {@link IOException} when it cannot be read or does not start with the MCAP magic. */
  public static Outcome read(Path file, Visitor visitor) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (!startsWithMagic(b)) {
      throw new IOException(file + ": not an MCAP file (no MCAP magic at its start)");
    }
    Map<Integer, Schema> schemas = new HashMap<>();
    Map<Integer, Channel> channels = new HashMap<>();
    Map<String, Map<String, String>> metadata = new LinkedHashMap<>();
    long messages = 0;
    int chunks = 0;
    long valid = b.position();
    while (b.remaining() >= McapWriter.RECORD_PREFIX) {
      int op = b.get() & 0xFF;
      long length = b.getLong();
      if (length < 0 || length > b.remaining()) {
        break; // cut inside this record
      }
      int end = b.position() + (int) length;
      ByteBuffer r = b.slice(b.position(), (int) length).order(ByteOrder.LITTLE_ENDIAN);
      b.position(end);
      switch (op) {
        case McapWriter.OP_SCHEMA -> {
          Schema s = new Schema(r.getShort() & 0xFFFF, string(r), string(r), string(r));
          schemas.put(s.id(), s);
        }
        case McapWriter.OP_CHANNEL -> {
          int id = r.getShort() & 0xFFFF;
          Schema s = schemas.get(r.getShort() & 0xFFFF);
          channels.put(id, new Channel(id, s, string(r), string(r), map(r)));
        }
        case McapWriter.OP_METADATA -> metadata.put(string(r), map(r));
        case McapWriter.OP_MESSAGE -> {
          Channel c = channels.get(r.getShort() & 0xFFFF);
          long sequence = r.getInt() & 0xFFFF_FFFFL;
          long logTime = r.getLong();
          r.getLong(); // publish time
          if (c != null) {
            visitor.message(c, sequence, logTime, r.slice().order(ByteOrder.LITTLE_ENDIAN));
          }
          messages++;
        }
        case 0x06 -> chunks++;
        case McapWriter.OP_FOOTER -> {
          boolean closed = b.remaining() == McapWriter.MAGIC.length && startsWithMagic(b);
          return new Outcome(messages, closed, closed ? b.position() : end, metadata, chunks);
        }
        default -> { } // header, data end, indexes, statistics: nothing to use here
      }
      valid = end;
    }
    return new Outcome(messages, false, valid, metadata, chunks);
  }

  /** Reads the magic at the buffer's position; true when it is there. */
  private static boolean startsWithMagic(ByteBuffer b) {
    if (b.remaining() < McapWriter.MAGIC.length) {
      return false;
    }
    byte[] magic = new byte[McapWriter.MAGIC.length];
    b.get(magic);
    return Arrays.equals(magic, McapWriter.MAGIC);
  }

  private static String string(ByteBuffer r) {
    byte[] s = new byte[r.getInt()];
    r.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }

  private static Map<String, String> map(ByteBuffer r) {
    int bytes = r.getInt();
    int end = r.position() + bytes;
    Map<String, String> m = new LinkedHashMap<>();
    while (r.position() < end) {
      m.put(string(r), string(r));
    }
    return m;
  }
}
