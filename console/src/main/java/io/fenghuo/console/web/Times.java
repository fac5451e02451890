package io.fenghuo.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the pages show them, in the user's zone (Asia/Shanghai unless chosen otherwise).
 * Available to every template as {@code ${times}}.
 *
 * @param zone the user's zone
 */
public record Times(ZoneId zone) {

  private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter LOCAL_INPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /** {@code yyyy-MM-dd HH:mm:ss}, or a dash for null. */
  public String at(Instant instant) {
    return instant == null ? "—" : FULL.format(instant.atZone(zone));
  }

  /** The machine-readable form for {@code <time datetime>} and scripts; empty for null. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  /** The value of a {@code datetime-local} input. */
  public String input(Instant instant) {
    return instant == null ? "" : LOCAL_INPUT.format(instant.atZone(zone));
  }

  /** Whole seconds of a duration, for a number input; 0 for null. */
  public long seconds(Duration duration) {
    return duration == null ? 0 : duration.toSeconds();
  }

  /** Whole minutes of a duration, for a number input; 0 for null. */
  public long minutes(Duration duration) {
    return duration == null ? 0 : duration.toMinutes();
  }
}
