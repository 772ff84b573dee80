package io.nrledge.profiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One YAML mapping being read into typed values: every value read is marked as used, and
 * {@link #finish()} rejects the keys nobody read, so a typo is an error, not a silent default.
 * Every error names the file, line, column and dotted key.
 */
final class YamlSection {
  private final String source;
  private final String path;
  private final Node node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> used = new java.util.HashSet<>();
  /** Every key this section was asked about: the names a misspelt key is compared with. */
  private final Set<String> known = new java.util.LinkedHashSet<>();
  private final Map<String, String> locations;

  YamlSection(String source, String path, Node node, Map<String, String> locations) {
    this.source = source;
    this.path = path;
    this.node = node;
    this.locations = locations;
    if (!(node instanceof MappingNode mapping)) {
      throw error(node, path.isEmpty() ? "profile" : path, "must be a mapping of keys to values");
    }
    for (NodeTuple t : mapping.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        throw error(t.getKeyNode(), path, "keys must be plain names");
      }
      if (entries.put(key.getValue(), t) != null) {
        throw error(key, key(key.getValue()), "appears twice");
      }
    }
  }

  String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  boolean has(String name) {
    known.add(name);
    return entries.containsKey(name);
  }

  private Node value(String name) {
    known.add(name);
    NodeTuple t = entries.get(name);
    if (t == null) {
      throw missing(name, "is required");
    }
    used.add(name);
    locations.put(key(name), where(t.getValueNode()));
    return t.getValueNode();
  }

  YamlSection section(String name) {
    return new YamlSection(source, key(name), value(name), locations);
  }

  String string(String name) {
    return scalar(name, value(name));
  }

  String string(String name, String fallback) {
    return has(name) ? string(name) : fallback;
  }

  /** One of {@code allowed}. */
  String choice(String name, String fallback, String... allowed) {
    if (!has(name)) {
      return fallback;
    }
    String v = string(name);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw error(value(name), key(name), "must be one of " + String.join(", ", allowed) + ", got '" + v + "'"
        + Suggestions.didYouMean(v, List.of(allowed)));
  }

  double number(String name) {
    Node n = value(name);
    return parseDouble(n, key(name), scalar(name, n));
  }

  double number(String name, double fallback) {
    return has(name) ? number(name) : fallback;
  }

  /** A number in [lo, hi]. */
  double number(String name, double fallback, double lo, double hi) {
    double v = number(name, fallback);
    if (!(v >= lo && v <= hi)) {
      throw error(value(name), key(name), "must be in [" + lo + ", " + hi + "], got " + v);
    }
    return v;
  }

  /** A whole number in [min, {@link Integer#MAX_VALUE}]. */
  int smallInteger(String name, int fallback, int min) {
    long v = integer(name, fallback, min);
    if (v > Integer.MAX_VALUE) {
      throw error(value(name), key(name), "must be " + min + ".." + Integer.MAX_VALUE + ", got " + v);
    }
    return (int) v;
  }

  long integer(String name, long fallback, long min) {
    if (!has(name)) {
      return fallback;
    }
    Node n = value(name);
    String text = scalar(name, n).replace("_", "");
    long v;
    try {
      v = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw error(n, key(name), "must be a whole number, got '" + text + "'");
    }
    if (v < min) {
      throw error(n, key(name), "must be >= " + min + ", got " + v);
    }
    return v;
  }

  boolean bool(String name, boolean fallback) {
    if (!has(name)) {
      return fallback;
    }
    String v = string(name);
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(value(name), key(name), "must be true or false, got '" + v + "'");
    };
  }

  /** A duration such as {@code 20ms}, {@code 150us}, {@code 2s}, {@code 5m} or {@code 1h}, in ns (> 0 unless {@code zeroAllowed}). */
  long durationNs(String name, long fallback, boolean zeroAllowed) {
    if (!has(name)) {
      return fallback;
    }
    Node n = value(name);
    try {
      long ns = Durations.parseNs(scalar(name, n));
      if (ns < 0 || (ns == 0 && !zeroAllowed)) {
        throw new IllegalArgumentException("must be " + (zeroAllowed ? ">= 0" : "> 0"));
      }
      return ns;
    } catch (IllegalArgumentException e) {
      throw error(n, key(name), e.getMessage());
    }
  }

  /** A byte size such as {@code 512KB} or {@code 1MB} (see {@link Sizes}), within [min, max]. */
  long bytes(String name, long fallback, long min, long max) {
    if (!has(name)) {
      return fallback;
    }
    Node n = value(name);
    try {
      long bytes = Sizes.parseBytes(scalar(name, n));
      if (bytes < min || bytes > max) {
        throw new IllegalArgumentException("must be " + min + ".." + max + " bytes, got '" + scalar(name, n) + "'");
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      throw error(n, key(name), e.getMessage());
    }
  }

  /** A list of finite numbers. */
  double[] finiteNumbers(String name) {
    double[] v = numbers(name);
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw error(((SequenceNode) value(name)).getValue().get(i), key(name) + "[" + i + "]",
            "must be a finite number, got " + v[i]);
      }
    }
    return v;
  }

  double[] numbers(String name) {
    Node n = value(name);
    List<Node> items = sequence(name, n);
    double[] out = new double[items.size()];
    for (int i = 0; i < out.length; i++) {
      Node item = items.get(i);
      if (!(item instanceof ScalarNode s)) {
        throw error(item, key(name) + "[" + i + "]", "must be a number");
      }
      out[i] = parseDouble(item, key(name) + "[" + i + "]", s.getValue());
    }
    return out;
  }

  /** A list of plain values (a command line). */
  List<String> strings(String name) {
    Node n = value(name);
    List<String> out = new ArrayList<>();
    List<Node> items = sequence(name, n);
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof ScalarNode s)) {
        throw error(items.get(i), key(name) + "[" + i + "]", "must be a single value");
      }
      out.add(s.getValue());
    }
    return List.copyOf(out);
  }

  double[][] numberRows(String name) {
    Node n = value(name);
    List<Node> rows = sequence(name, n);
    double[][] out = new double[rows.size()][];
    for (int r = 0; r < out.length; r++) {
      List<Node> items = sequence(name + "[" + r + "]", rows.get(r));
      out[r] = new double[items.size()];
      for (int i = 0; i < items.size(); i++) {
        Node item = items.get(i);
        if (!(item instanceof ScalarNode s)) {
          throw error(item, key(name) + "[" + r + "][" + i + "]", "must be a number");
        }
        out[r][i] = parseDouble(item, key(name) + "[" + r + "][" + i + "]", s.getValue());
      }
    }
    return out;
  }

  private List<Node> sequence(String name, Node n) {
    if (!(n instanceof SequenceNode seq)) {
      throw error(n, key(name), "must be a list");
    }
    return new ArrayList<>(seq.getValue());
  }

  private String scalar(String name, Node n) {
    if (!(n instanceof ScalarNode s)) {
      throw error(n, key(name), "must be a single value");
    }
    return s.getValue();
  }

  private double parseDouble(Node n, String key, String text) {
    String t = text.trim();
    double v;
    switch (t) {
      case ".inf", "+.inf", ".Inf", "+.Inf" -> v = Double.POSITIVE_INFINITY;
      case "-.inf", "-.Inf" -> v = Double.NEGATIVE_INFINITY;
      default -> {
        try {
          v = Double.parseDouble(t.replace("_", ""));
        } catch (NumberFormatException e) {
          throw error(n, key, "must be a number, got '" + text + "'");
        }
        if (!Double.isFinite(v)) {
          throw error(n, key, "must be a finite number or .inf, got '" + text + "'");
        }
      }
    }
    return v;
  }

  /** A list of mappings, each a section keyed {@code name[i]} ({@code sensors[0].pin}). */
  List<YamlSection> sections(String name) {
    Node n = value(name);
    List<Node> items = sequence(name, n);
    List<YamlSection> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String itemKey = key(name) + "[" + i + "]";
      locations.put(itemKey, where(item));
      out.add(new YamlSection(source, itemKey, item, locations));
    }
    return out;
  }

  /** A whole number written in decimal or hex ({@code 0x48}), in [lo, hi]; {@code what} says the range in words. */
  int hexInteger(String name, int fallback, int lo, int hi, String what) {
    if (!has(name)) {
      return fallback;
    }
    Node n = value(name);
    String text = scalar(name, n).trim();
    int v;
    try {
      v = text.startsWith("0x") || text.startsWith("0X") ? Integer.parseInt(text.substring(2), 16)
          : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw error(n, key(name), "must be a whole number such as 0x48 or 72, got '" + text + "'");
    }
    if (v < lo || v > hi) {
      throw error(n, key(name), "must be " + what + ", got " + (v < 0 ? text
          : "0x" + Integer.toHexString(v).toUpperCase(java.util.Locale.ROOT)));
    }
    return v;
  }

  /** A whole number in [lo, hi]. */
  int integerIn(String name, int fallback, int lo, int hi) {
    if (!has(name)) {
      return fallback;
    }
    long v = integer(name, fallback, Long.MIN_VALUE);
    if (v < lo || v > hi) {
      throw error(value(name), key(name), "must be " + lo + ".." + hi + ", got " + v);
    }
    return (int) v;
  }

  /** A list of distinct whole numbers, each in [lo, hi], at least one. */
  int[] distinctIntegers(String name, int lo, int hi) {
    Node n = value(name);
    List<Node> items = sequence(name, n);
    if (items.isEmpty()) {
      throw error(n, key(name), "needs at least one entry");
    }
    int[] out = new int[items.size()];
    for (int i = 0; i < out.length; i++) {
      String itemKey = key(name) + "[" + i + "]";
      Node item = items.get(i);
      String text = item instanceof ScalarNode s ? s.getValue() : "";
      try {
        out[i] = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw error(item, itemKey, "must be a whole number " + lo + ".." + hi + ", got '" + text + "'");
      }
      if (out[i] < lo || out[i] > hi) {
        throw error(item, itemKey, "must be " + lo + ".." + hi + ", got " + out[i]);
      }
      for (int j = 0; j < i; j++) {
        if (out[j] == out[i]) {
          throw error(item, itemKey, out[i] + " is listed twice");
        }
      }
    }
    return out;
  }

  /** A list of distinct names, each one of {@code allowed}, at least one. */
  List<String> distinctChoices(String name, List<String> allowed) {
    List<String> given = strings(name);
    List<Node> items = sequence(name, value(name));
    if (given.isEmpty()) {
      throw error(value(name), key(name), "needs at least one entry (" + String.join(", ", allowed) + ")");
    }
    for (int i = 0; i < given.size(); i++) {
      String v = given.get(i);
      if (!allowed.contains(v)) {
        throw error(items.get(i), key(name) + "[" + i + "]", "must be one of " + String.join(", ", allowed) + ", got '"
            + v + "'" + Suggestions.didYouMean(v, allowed));
      }
      if (given.subList(0, i).contains(v)) {
        throw error(items.get(i), key(name) + "[" + i + "]", v + " is listed twice");
      }
    }
    return given;
  }

  /** The path of this section ({@code sensors[0]}). */
  String path() {
    return path;
  }

  /** Rejects every key that was not read. */
  void finish() {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!used.contains(e.getKey())) {
        throw error(e.getValue().getKeyNode(), key(e.getKey()), "unknown key" + Suggestions.didYouMean(e.getKey(), known));
      }
    }
  }

  /** An error at the value of {@code name} (or the section, when absent). */
  ProfileException errorAt(String name, String message) {
    NodeTuple t = entries.get(name);
    return t == null ? missing(name, message) : error(t.getValueNode(), key(name), message);
  }

  /** {@code name} is absent: a misspelling of it among the unread keys is the error, else {@code message} at the section. */
  private ProfileException missing(String name, String message) {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      String suggestion = Suggestions.didYouMean(e.getKey(), List.of(name));
      if (!used.contains(e.getKey()) && !suggestion.isEmpty()) {
        return error(e.getValue().getKeyNode(), key(e.getKey()), "unknown key" + suggestion);
      }
    }
    return error(node, key(name), message);
  }

  ProfileException error(Node at, String key, String message) {
    String shown = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    return new ProfileException(where(at) + ": " + key + ": " + shown.replace('\n', ' ').replace('\r', ' '));
  }

  /** Longest message shown: a value echoed back (up to 1 MiB of it) is cut here. */
  private static final int MAX_MESSAGE = 200;

  private String where(Node at) {
    return at.getStartMark().map(m -> YamlDocument.position(source, m)).orElse(source);
  }
}
