package io.fenghuo.simulator.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human durations as scenarios and the CLI write them: {@code 250ms}, {@code 30s}, {@code 5m},
 * {@code 1h30m}, {@code 1.5s}, {@code 2d}; a bare number means seconds.
 */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

  private Durations() {}

  /**
   * @throws IllegalArgumentException if the text is not a duration
   */
  public static Duration parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (NUMBER.matcher(t).matches()) {
      return ofSeconds(Double.parseDouble(t));
    }
    Matcher m = PART.matcher(t);
    int pos = 0;
    Duration total = Duration.ZERO;
    while (m.find() && m.start() == pos) {
      double n = Double.parseDouble(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofNanos(Math.round(n * 1e6));
                case "s" -> ofSeconds(n);
                case "m" -> ofSeconds(n * 60);
                case "h" -> ofSeconds(n * 3600);
                default -> ofSeconds(n * 86400);
              });
      pos = m.end();
    }
    if (pos == 0 || pos != t.length()) {
      throw new IllegalArgumentException(
          "not a duration: '" + text + "' (examples: 250ms, 30s, 5m, 1h30m)");
    }
    return total;
  }

  /** Short text form, e.g. {@code 90s} or {@code 250ms}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  private static Duration ofSeconds(double s) {
    return Duration.ofNanos(Math.round(s * 1e9));
  }
}
