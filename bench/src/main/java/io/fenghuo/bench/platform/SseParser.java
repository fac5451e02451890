package io.fenghuo.bench.platform;

import java.util.Optional;

/**
 * Server-sent events (WHATWG HTML, "Interpreting an event stream"), one line at a time: {@code
 * event:}, {@code id:} and {@code data:} fields, comments ({@code :…}) ignored, an event dispatched
 * at the blank line that ends it. Several {@code data:} lines are joined with a line feed. Not
 * thread-safe: one parser per stream.
 */
final class SseParser {

  /** One dispatched event. {@code name} is "message" when the stream named none. */
  record Event(String name, String id, String data) {}

  private String name;
  private String id;
  private StringBuilder data;

  /** Feeds one line (without its line ending); returns the event this blank line completes. */
  Optional<Event> line(String line) {
    if (line.isEmpty()) {
      if (data == null) {
        name = null; // an event without data is not dispatched
        return Optional.empty();
      }
      Event event = new Event(name == null ? "message" : name, id, data.toString());
      name = null;
      data = null;
      return Optional.of(event);
    }
    if (line.startsWith(":")) {
      return Optional.empty();
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> name = value;
      case "id" -> id = value;
      case "data" -> {
        if (data == null) {
          data = new StringBuilder(value);
        } else {
          data.append('\n').append(value);
        }
      }
      default -> {
        // retry and unknown fields: nothing to do for a reader that never reconnects by itself
      }
    }
    return Optional.empty();
  }
}
