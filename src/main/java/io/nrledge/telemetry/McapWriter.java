package io.nrledge.telemetry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A minimal MCAP writer (https://mcap.dev/spec): the magic, a header, schema, channel and
 * metadata records, plain (unchunked) message records, and on {@link #finish()} a data-end record,
 * a footer without a summary section and the closing magic. Every record is written whole and in
 * order, so a file cut anywhere still reads record by record up to the cut. Records are gathered
 * in one reused direct buffer and reach the file only on {@link #flush()}; {@link #sync()} forces
 * them to the device. Writer thread only; never on the control thread.
 */
public final class McapWriter {
  static final byte[] MAGIC = {(byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n'};
  static final int OP_HEADER = 0x01;
  static final int OP_FOOTER = 0x02;
  static final int OP_SCHEMA = 0x03;
  static final int OP_CHANNEL = 0x04;
  static final int OP_MESSAGE = 0x05;
  static final int OP_METADATA = 0x0C;
  static final int OP_DATA_END = 0x0F;
  /** Opcode and record length. */
  static final int RECORD_PREFIX = 9;
  /** Channel id, sequence, log time, publish time. */
  static final int MESSAGE_HEADER = 2 + 4 + 8 + 8;

  private final FileChannel file;
  private final ByteBuffer buffer;
  private long written;

  /** Starts the file with the magic and a header record. Not for the control thread. */
  public McapWriter(FileChannel file, int bufferBytes, String profile, String library) {
    this.file = file;
    this.buffer = ByteBuffer.allocateDirect(bufferBytes).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(MAGIC);
    byte[] p = utf8(profile);
    byte[] l = utf8(library);
    record(OP_HEADER, 4 + p.length + 4 + l.length);
    putString(p);
    putString(l);
  }

  /** A schema record: {@code data} describes the messages of its channels in {@code encoding}. */
  public void schema(int id, String name, String encoding, String data) {
    byte[] n = utf8(name);
    byte[] e = utf8(encoding);
    byte[] d = utf8(data);
    record(OP_SCHEMA, 2 + 4 + n.length + 4 + e.length + 4 + d.length);
    buffer.putShort((short) id);
    putString(n);
    putString(e);
    putString(d);
  }

  /** A channel record: messages on {@code topic}, described by schema {@code schemaId}. */
  public void channel(int id, int schemaId, String topic, String messageEncoding, Map<String, String> metadata) {
    byte[] t = utf8(topic);
    byte[] e = utf8(messageEncoding);
    byte[] m = map(metadata);
    record(OP_CHANNEL, 2 + 2 + 4 + t.length + 4 + e.length + 4 + m.length);
    buffer.putShort((short) id);
    buffer.putShort((short) schemaId);
    putString(t);
    putString(e);
    buffer.putInt(m.length).put(m);
  }

  /** A metadata record: named key–value pairs about the whole file. */
  public void metadata(String name, Map<String, String> values) {
    byte[] n = utf8(name);
    byte[] m = map(values);
    record(OP_METADATA, 4 + n.length + 4 + m.length);
    putString(n);
    buffer.putInt(m.length).put(m);
  }

  /**
   * Starts a message record of {@code dataBytes} on {@code channel}; the caller then writes exactly
   * that many bytes into the returned buffer (little-endian). Flushes first when the buffer is too
   * full. Allocates nothing.
   */
  public ByteBuffer message(int channel, long sequence, long logTimeNs, long publishTimeNs, int dataBytes)
      throws IOException {
    if (buffer.remaining() < RECORD_PREFIX + MESSAGE_HEADER + dataBytes) {
      flush();
    }
    record(OP_MESSAGE, MESSAGE_HEADER + dataBytes);
    buffer.putShort((short) channel);
    buffer.putInt((int) sequence);
    buffer.putLong(logTimeNs);
    buffer.putLong(publishTimeNs);
    return buffer;
  }

  /** Bytes not yet handed to the file. */
  public int pending() {
    return buffer.position();
  }

  /** The file's length once pending bytes are flushed. */
  public long size() {
    return written + buffer.position();
  }

  /** Hands the gathered records to the file (not yet to the device: see {@link #sync()}). */
  public void flush() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      written += file.write(buffer);
    }
    buffer.clear();
  }

  /** Flushes and forces the file's content to the device (fsync). */
  public void sync() throws IOException {
    flush();
    file.force(false);
  }

  /** Ends the file: data end, a footer with no summary section, the magic; flushed, synced and closed. */
  public void finish() throws IOException {
    if (buffer.remaining() < 64) {
      flush();
    }
    record(OP_DATA_END, 4);
    buffer.putInt(0); // no CRC computed
    record(OP_FOOTER, 8 + 8 + 4);
    buffer.putLong(0).putLong(0).putInt(0);
    buffer.put(MAGIC);
    sync();
    file.close();
  }

  private void record(int opcode, long length) {
    buffer.put((byte) opcode);
    buffer.putLong(length);
  }

  private void putString(byte[] s) {
    buffer.putInt(s.length).put(s);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] map(Map<String, String> m) {
    ByteBuffer b = ByteBuffer.allocate(m.entrySet().stream()
        .mapToInt(e -> 8 + utf8(e.getKey()).length + utf8(e.getValue()).length).sum()).order(ByteOrder.LITTLE_ENDIAN);
    m.forEach((k, v) -> {
      byte[] kb = utf8(k);
      byte[] vb = utf8(v);
      b.putInt(kb.length).put(kb).putInt(vb.length).put(vb);
    });
    return b.array();
  }
}
