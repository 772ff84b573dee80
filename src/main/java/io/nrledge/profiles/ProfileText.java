package io.nrledge.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a profile file as UTF-8 text, bounded: only regular files up to {@link #MAX_BYTES} are
 * read, so a device ({@code /dev/zero}), a FIFO or a huge file is refused before a byte is read.
 * Every refusal is one {@link ProfileException} line with a plain reason; never reads unbounded.
 */
final class ProfileText {
  /** Largest profile accepted: 1 MiB (the shipped profiles are about 2 KB). */
  static final int MAX_BYTES = 1 << 20;

  private ProfileText() {}

  static String read(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new ProfileException(file + ": cannot read: not found");
    } catch (AccessDeniedException e) {
      throw new ProfileException(file + ": cannot read: permission denied");
    } catch (IOException | SecurityException e) {
      throw new ProfileException(file + ": cannot read: " + plain(e));
    }
    if (attributes.isDirectory()) {
      throw new ProfileException(file + ": cannot read: is a folder, not a profile file");
    }
    if (!attributes.isRegularFile()) {
      throw new ProfileException(file + ": cannot read: not a regular file (a device, pipe or socket)");
    }
    if (attributes.size() > MAX_BYTES) {
      throw new ProfileException(file + ": cannot read: " + attributes.size() + " bytes, over the limit of "
          + MAX_BYTES + " bytes (1 MiB) for a profile");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (AccessDeniedException e) {
      throw new ProfileException(file + ": cannot read: permission denied");
    } catch (IOException | SecurityException e) {
      throw new ProfileException(file + ": cannot read: " + plain(e));
    }
    if (bytes.length > MAX_BYTES) {
      throw new ProfileException(file + ": cannot read: over the limit of " + MAX_BYTES + " bytes (1 MiB) for a profile");
    }
    return decode(file.toString(), bytes);
  }

  /** Strict UTF-8 (a leading byte-order mark is dropped); refuses malformed bytes and NUL characters. */
  static String decode(String source, byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ProfileException(source + ": cannot read: not UTF-8 text (binary, Latin-1 or UTF-16?)");
    }
    if (text.indexOf('\0') >= 0) {
      throw new ProfileException(source + ": cannot read: not UTF-8 text (contains NUL bytes: binary or UTF-16?)");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String plain(Exception e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null ? "unreadable" : e.getMessage();
  }
}
