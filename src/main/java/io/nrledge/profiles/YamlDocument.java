package io.nrledge.profiles;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Turns profile text into one YAML node tree within fixed limits: at most {@link #MAX_DEPTH}
 * nested lists or mappings, no custom tags ({@code !foo}), few aliases. The limits are checked on
 * the parser's event stream, which does not recurse, before the (recursive) composer builds the
 * tree, so a deeply nested file is one error line, never a stack overflow. Anything the YAML
 * library throws becomes one {@link ProfileException} line; it must never let another escape.
 */
final class YamlDocument {
  /** Nesting limit of lists and mappings; a profile needs 3 ({@code actions.table} rows). */
  static final int MAX_DEPTH = 16;
  /** Aliases ({@code *name}) expanding a collection, against "billion laughs" files. */
  static final int MAX_ALIASES = 16;

  private YamlDocument() {}

  static Node compose(String source, String text) {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(source)
        .setCodePointLimit(ProfileText.MAX_BYTES + 1)
        .setMaxAliasesForCollections(MAX_ALIASES)
        .setAllowRecursiveKeys(false)
        .build();
    try {
      checkLimits(source, settings, text);
      Optional<Node> node = new Compose(settings).composeString(text);
      return node.orElseThrow(() -> new ProfileException(source + ": the profile is empty"));
    } catch (ProfileException e) {
      throw e;
    } catch (MarkedYamlEngineException e) {
      String at = e.getProblemMark().map(m -> position(source, m)).orElse(source);
      String context = e.getContext() == null ? "" : firstLine(e.getContext()) + ", ";
      throw new ProfileException(at + ": yaml: " + context + firstLine(e.getProblem()));
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).startsWith("Number of aliases")) {
        throw new ProfileException(source + ": yaml: more than " + MAX_ALIASES + " aliases (*name) of lists or mappings");
      }
      throw new ProfileException(source + ": yaml: unreadable (" + firstLine(e.getMessage()) + ")");
    } catch (StackOverflowError e) {
      throw new ProfileException(source + ": yaml: unreadable (" + firstLine(e.getMessage()) + ")");
    }
  }

  private static void checkLimits(String source, LoadSettings settings, String text) {
    int depth = 0;
    for (Event event : new Parse(settings).parseString(text)) {
      Optional<String> tag = Optional.empty();
      if (event instanceof CollectionStartEvent start) {
        tag = start.getTag();
        if (++depth > MAX_DEPTH) {
          throw new ProfileException(where(source, event) + ": yaml: nested more than " + MAX_DEPTH
              + " levels deep (a profile needs at most 3)");
        }
      } else if (event instanceof ScalarEvent scalar) {
        tag = scalar.getTag();
      } else if (event.getEventId() == Event.ID.SequenceEnd || event.getEventId() == Event.ID.MappingEnd) {
        depth--;
      }
      if (tag.isPresent()) {
        throw new ProfileException(where(source, event) + ": yaml: tags such as '" + tag.get()
            + "' are not allowed in a profile");
      }
    }
  }

  private static String where(String source, Event event) {
    return event.getStartMark().map(m -> position(source, m)).orElse(source);
  }

  static String position(String source, Mark m) {
    return source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
  }

  private static String firstLine(String message) {
    return message == null ? "no detail" : message.lines().findFirst().orElse("no detail");
  }
}
