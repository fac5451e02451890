package io.fenghuo.gb26875.tool;

/**
 * A minimal JSON writer (objects, arrays, strings, numbers, booleans, null), so that the library
 * does not pull in Jackson for one command-line tool. Produces compact output; callers insert
 * commas via the begin/end bookkeeping. Not thread-safe.
 */
final class JsonWriter {

  private final StringBuilder out = new StringBuilder();

  /** Per nesting level: whether the next member needs a leading comma. */
  private final java.util.ArrayDeque<boolean[]> levels = new java.util.ArrayDeque<>();

  JsonWriter beginObject() {
    value();
    out.append('{');
    levels.push(new boolean[1]);
    return this;
  }

  JsonWriter endObject() {
    levels.pop();
    out.append('}');
    return this;
  }

  JsonWriter beginArray() {
    value();
    out.append('[');
    levels.push(new boolean[1]);
    return this;
  }

  JsonWriter endArray() {
    levels.pop();
    out.append(']');
    return this;
  }

  /** Starts a member of the current object; the next call writes its value. */
  JsonWriter name(String name) {
    comma();
    string(name);
    out.append(':');
    pendingValueAfterName = true;
    return this;
  }

  JsonWriter value(String s) {
    value();
    if (s == null) {
      out.append("null");
    } else {
      string(s);
    }
    return this;
  }

  JsonWriter value(long n) {
    value();
    out.append(n);
    return this;
  }

  JsonWriter value(boolean b) {
    value();
    out.append(b);
    return this;
  }

  /** A number written as is (e.g. a BigDecimal's plain string). */
  JsonWriter rawNumber(String number) {
    value();
    out.append(number);
    return this;
  }

  JsonWriter nullValue() {
    value();
    out.append("null");
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private boolean pendingValueAfterName;

  private void value() {
    if (pendingValueAfterName) {
      pendingValueAfterName = false;
      return;
    }
    comma();
  }

  private void comma() {
    boolean[] level = levels.peek();
    if (level == null) {
      return;
    }
    if (level[0]) {
      out.append(',');
    }
    level[0] = true;
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
