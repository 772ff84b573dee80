package io.nrledge.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nrledge.profiles.DeviceProfile;
import io.nrledge.profiles.ProfileException;
import io.nrledge.profiles.ProfileLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random mutations of every shipped profile ({@code device-profiles/*.yaml}), written to a file
 * and loaded the way {@code run --profile} loads it (the loader, then every owner's check through
 * {@link ProfileSettings}): each must either load or fail with one {@link ProfileException} line
 * naming the file, never with any other exception or error.
 */
class ProfileMutationPropertyTest {
  private static final Path PROJECT = Path.of(System.getProperty("nrledge.projectDir", "."));
  /** Pieces that YAML, our number parser and our limits care about. */
  private static final List<String> TOKENS = List.of("[", "]", "{", "}", ":", ": ", "- ", ",", "\n", "\n  ", "  ", "#",
      "!foo ", "!!str ", "&a ", "*a", "'", "\"", "|", ">", "%", "@", "`", "\t", "~", "null", ".inf", "-.inf", ".nan",
      "NaN", "1e308", "-1e308", "0", "-1", "2147483648", "99999999999999999999", "1ns", "10s", "1h", "4096", "[[[[[[",
      "]]]]]]", "\u00e9", "\u0000", "\uFEFF", "\uD83D\uDE00", "true", "yes", "x: 1", "hidden: []", "1e-300", "0.5",
      "1000001", "100000", "5", "[]", "[0]", "[4096, 4096, 4096]", "[.inf, 1, 1, 1]", "[1, 2, 3, 4, 5]", "[[1], [2]]",
      "''", "150us", "0ns", "20s", "continuing", "rover");

  /**
   * One edit: {@code kind} 0 insert a token, 1 delete a span, 2 replace a span by a token, 3
   * duplicate a line, 4 drop a line, 5 and 6 replace the value of a {@code key: value} line by a token.
   */
  record Mutation(int kind, double where, int token, int length) {
    String apply(String text) {
      int at = (int) (where * text.length());
      int end = Math.min(text.length(), at + length);
      String piece = TOKENS.get(token);
      return switch (kind) {
        case 0 -> text.substring(0, at) + piece + text.substring(at);
        case 1 -> text.substring(0, at) + text.substring(end);
        case 2 -> text.substring(0, at) + piece + text.substring(end);
        case 5, 6 -> {
          int colon = text.indexOf(": ", at);
          if (colon < 0) {
            yield text;
          }
          int lineEnd = text.indexOf('\n', colon);
          lineEnd = lineEnd < 0 ? text.length() : lineEnd;
          yield text.substring(0, colon + 2) + piece + text.substring(lineEnd);
        }
        default -> {
          int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
          int lineEnd = text.indexOf('\n', at);
          lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
          String line = text.substring(lineStart, lineEnd);
          yield kind == 3 ? text.substring(0, lineEnd) + line + text.substring(lineEnd)
              : text.substring(0, lineStart) + text.substring(lineEnd);
        }
      };
    }
  }

  @Property(tries = 500)
  void everyMutatedProfileLoadsOrFailsWithOneLine(@ForAll("shippedProfiles") Path profile,
      @ForAll("mutations") List<Mutation> mutations) throws IOException {
    String text = Files.readString(profile, StandardCharsets.UTF_8);
    for (Mutation m : mutations) {
      text = m.apply(text);
    }
    Path file = Files.createTempFile("mutated-", ".yaml");
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      try {
        DeviceProfile loaded = ProfileLoader.load(file);
        ProfileSettings.check(loaded);
        Statistics.collect("loads");
      } catch (ProfileException e) {
        Statistics.collect("refused");
        String message = e.getMessage();
        assertTrue(message.startsWith(file.toString()), message);
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        assertFalse(message.contains("Exception"), message);
      }
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<Path> shippedProfiles() {
    try (Stream<Path> files = Files.list(PROJECT.resolve("device-profiles"))) {
      return Arbitraries.of(files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one = Combinators.combine(
        Arbitraries.integers().between(0, 6),
        Arbitraries.doubles().between(0, 1).filter(d -> d < 1),
        Arbitraries.integers().between(0, TOKENS.size() - 1),
        Arbitraries.integers().between(0, 40)).as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4);
  }
}
