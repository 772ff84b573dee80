package io.nrledge.telemetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint file format and folder: what is written reads back, every kind of damage is
 * caught with its own one-line reason, a resume picks the newest valid file, only K are kept and a
 * crash's temporaries are removed.
 */
class CheckpointStoreTest {
  private static final int[] SECTIONS = {24, 8, 0, 8};
  private static final long HASH = 0x1234_5678_9ABC_DEF0L;

  @TempDir Path dir;

  private static ByteBuffer body(int salt) {
    ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 5; i++) {
      b.putLong(salt * 1000L + i);
    }
    return b.flip();
  }

  private static byte[] file(int salt, long episodes) {
    ByteBuffer out = ByteBuffer.allocate(CheckpointFile.fileBytes(SECTIONS.length, 40));
    CheckpointFile.encode(out, HASH, episodes, episodes * 10, 1_700_000_000_000L, SECTIONS, body(salt));
    byte[] bytes = new byte[out.remaining()];
    out.get(bytes);
    return bytes;
  }

  private Path write(CheckpointStore store, long sequence, byte[] bytes) throws IOException {
    return store.write(sequence, ByteBuffer.wrap(bytes));
  }

  @Test
  void shouldReadBackWhatItWrote() throws Exception {
    CheckpointStore store = new CheckpointStore(dir);
    Path p = write(store, 1, file(3, 42));

    CheckpointFile.Checkpoint c = CheckpointStore.read(p).checkpoint();

    assertEquals(HASH, c.profileHash());
    assertEquals(42, c.episodes());
    assertEquals(420, c.ticks());
    assertEquals(1_700_000_000_000L, c.wallTimeMs());
    assertArrayEquals(SECTIONS, c.sections());
    assertEquals(body(3), c.body());
    assertEquals(3000L + 3, c.section(1).getLong(), "section 1 starts after section 0's 24 bytes");
    assertEquals("state-000000000001.ckpt", p.getFileName().toString());
  }

  @Test
  void shouldGiveEachKindOfDamageItsOwnOneLineReason() {
    byte[] good = file(1, 5);
    List<String> reasons = new ArrayList<>();
    reasons.add(reason(new byte[0]));
    reasons.add(reason(java.util.Arrays.copyOf(good, 30)));
    reasons.add(reason(java.util.Arrays.copyOf(good, good.length - 9)));
    byte[] magic = good.clone();
    magic[0] = 'X';
    reasons.add(reason(magic));
    byte[] version = good.clone();
    version[8] = 2;
    reasons.add(reason(version));
    byte[] header = good.clone();
    header[26] ^= 0x10; // a bit of the episode count
    reasons.add(reason(header));
    byte[] body = good.clone();
    body[CheckpointFile.headerBytes(SECTIONS.length) + 3] ^= 0x01;
    reasons.add(reason(body));

    assertEquals("empty file (0 bytes)", reasons.get(0));
    assertEquals("truncated: 30 bytes, shorter than the header", reasons.get(1));
    assertEquals("truncated: " + (good.length - 9) + " bytes, the header says " + good.length, reasons.get(2));
    assertEquals("not a checkpoint (wrong magic)", reasons.get(3));
    assertEquals("format version 2, this build reads version 1", reasons.get(4));
    assertTrue(reasons.get(5).startsWith("checksum mismatch"), reasons.get(5));
    assertTrue(reasons.get(6).startsWith("checksum mismatch"), reasons.get(6));
    for (String r : reasons) {
      assertFalse(r.contains("\n"), "one line: " + r);
    }
  }

  private static String reason(byte[] bytes) {
    try {
      CheckpointFile.decode(Path.of("x"), bytes);
      return "valid";
    } catch (InvalidCheckpointException e) {
      return e.getMessage();
    }
  }

  @Test
  void shouldResumeFromTheNewestValidCheckpointSkippingNewerDamagedOnesWithALineEach() throws Exception {
    CheckpointStore store = new CheckpointStore(dir);
    write(store, 1, file(1, 10));
    write(store, 2, file(2, 20));
    byte[] flipped = file(3, 30);
    flipped[flipped.length - 10] ^= 0x40;
    write(store, 3, flipped);
    write(store, 4, new byte[0]);
    List<String> skipped = new ArrayList<>();

    CheckpointFile.Checkpoint chosen = store.newestValid(skipped::add);

    assertEquals(20, chosen.episodes());
    assertEquals(dir.resolve("state-000000000002.ckpt"), chosen.file());
    assertEquals(2, skipped.size(), skipped.toString());
    assertEquals(dir.resolve("state-000000000004.ckpt") + ": skipped: empty file (0 bytes)", skipped.get(0));
    assertTrue(skipped.get(1).startsWith(dir.resolve("state-000000000003.ckpt") + ": skipped: checksum mismatch"),
        skipped.get(1));
    assertEquals(5, store.nextSequence());
  }

  @Test
  void shouldFindNothingInAFolderOfOnlyDamagedFiles() throws Exception {
    CheckpointStore store = new CheckpointStore(dir);
    write(store, 7, java.util.Arrays.copyOf(file(1, 1), 10));
    List<String> skipped = new ArrayList<>();

    assertNull(store.newestValid(skipped::add));
    assertEquals(1, skipped.size());
  }

  @Test
  void shouldKeepOnlyTheNewestKAndRemoveTemporariesLeftByACrash() throws Exception {
    CheckpointStore store = new CheckpointStore(dir);
    for (int s = 1; s <= 5; s++) {
      write(store, s, file(s, s));
    }
    Files.write(dir.resolve("state-000000000006.ckpt.tmp"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("notes.txt"), new byte[] {1});

    store.prune(3);
    int removed = store.removeTemporaries();

    assertEquals(1, removed);
    assertEquals(List.of(dir.resolve("state-000000000005.ckpt"), dir.resolve("state-000000000004.ckpt"),
        dir.resolve("state-000000000003.ckpt")), store.files());
    assertTrue(Files.exists(dir.resolve("notes.txt")), "files that are not checkpoints stay");
  }
}
