package io.nrledge.telemetry;

import java.util.Locale;
import java.util.Map;

/** Writes flat JSON values; enough for summaries and benchmark reports. Not for the control thread. */
public final class Json {
  private Json() {}

  /** An object from an ordered map whose values are numbers, booleans, strings, null, nested maps or double arrays. */
  public static String object(Map<String, ?> fields) {
    StringBuilder s = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      s.append(first ? "" : ",").append(string(e.getKey())).append(':').append(value(e.getValue()));
      first = false;
    }
    return s.append('}').toString();
  }

  private static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Double d) {
      return Double.isFinite(d) ? d.toString() : "null";
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof double[] array) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < array.length; i++) {
        b.append(i > 0 ? "," : "").append(value(array[i]));
      }
      return b.append(']').toString();
    }
    if (v instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, ?> nested = (Map<String, ?>) m;
      return object(nested);
    }
    return string(v.toString());
  }

  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
