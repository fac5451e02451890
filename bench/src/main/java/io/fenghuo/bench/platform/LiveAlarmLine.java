package io.fenghuo.bench.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the console's live feed (SSE event {@code alarm}, data = the rendered {@code <li>} of
 * {@code console/src/main/resources/templates/fragments/live.html}): what happened, to which alarm,
 * at which unit.
 *
 * @param kind RAISED, CONFIRMED, DISMISSED, ESCALATED or CALL_119 ({@code data-kind})
 * @param alarmId {@code data-alarm-id}
 * @param unit the unit id in the line's {@code <b>}, or null when the line shows none ("—")
 */
record LiveAlarmLine(String kind, String alarmId, String unit) {

  private static final Pattern KIND = Pattern.compile("data-kind=\"([A-Z_0-9]+)\"");
  private static final Pattern ALARM = Pattern.compile("data-alarm-id=\"([^\"]+)\"");
  private static final Pattern UNIT =
      Pattern.compile("class=\"where\">.*?<b>([^<]*)</b>", Pattern.DOTALL);

  /** The line of an {@code alarm} event's data, or null if the data is no feed line. */
  static LiveAlarmLine parse(String html) {
    Matcher kind = KIND.matcher(html);
    Matcher alarm = ALARM.matcher(html);
    if (!kind.find() || !alarm.find()) {
      return null;
    }
    Matcher unit = UNIT.matcher(html);
    String u = unit.find() ? unit.group(1).strip() : null;
    return new LiveAlarmLine(
        kind.group(1), alarm.group(1), u == null || u.isEmpty() || u.equals("—") ? null : u);
  }
}
