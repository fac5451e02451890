package io.fenghuo.console.live;

import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.alarm.AlarmDismissed;
import io.fenghuo.contracts.alarm.AlarmEscalated;
import io.fenghuo.contracts.alarm.AlarmEvent;
import io.fenghuo.contracts.alarm.AlarmRaised;
import io.fenghuo.contracts.alarm.AlarmUnitAttached;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One alarm event as a line of the live feed: what happened, where, when, and what it means in
 * colour, icon and words, so that colour is never the only signal.
 *
 * @param kind what happened
 * @param alarmId the alarm
 * @param operator the operator whose centre handles it
 * @param unit the unit, or null if the device is not bound yet
 * @param detail location, verdict or escalation target; may be null
 * @param at when it happened, in the user's zone ({@code yyyy-MM-dd HH:mm:ss})
 */
public record AlarmCard(
    Kind kind, String alarmId, String operator, String unit, String detail, String at) {

  /** What happened to the alarm, and how the console shows it. */
  public enum Kind {
    /** A new fire alarm: red, the alert sound plays. */
    RAISED("fire", "🔥"),
    /** Confirmed as a true fire: red. */
    CONFIRMED("fire", "🚒"),
    /** Dismissed as false alarm or test: green. */
    DISMISSED("normal", "✓"),
    /** Escalated: amber. */
    ESCALATED("fault", "⚠"),
    /** 119 has not acknowledged the forwarded fire: red, sounds; phone 119 now. */
    CALL_119("fire", "☎");

    private final String tone;
    private final String icon;

    Kind(String tone, String icon) {
      this.tone = tone;
      this.icon = icon;
    }

    /** The CSS tone: {@code fire}, {@code fault} or {@code normal}. */
    public String tone() {
      return tone;
    }

    public String icon() {
      return icon;
    }

    /** The message key of the words that say what happened. */
    public String messageKey() {
      return "live.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Whether this line should sound the alert. */
  public boolean alerts() {
    return kind == Kind.RAISED || kind == Kind.CALL_119;
  }

  /**
   * The line of an event, or null for an alarm event this feed has no line for (a lifecycle step
   * such as a claim: it refreshes the queue, it is not news).
   */
  public static AlarmCard of(OperatorId operator, AlarmEvent event, ZoneId zone) {
    String unit = event.unit() == null ? null : event.unit().toString();
    if (event instanceof AlarmRaised r) {
      return card(Kind.RAISED, r, operator, unit, r.location(), r.firstAlertAt(), zone);
    }
    if (event instanceof AlarmUnitAttached a) {
      return card(Kind.RAISED, a, operator, unit, a.location(), a.firstAlertAt(), zone);
    }
    if (event instanceof AlarmConfirmed c) {
      return card(Kind.CONFIRMED, c, operator, unit, c.confirmedBy(), c.confirmedAt(), zone);
    }
    if (event instanceof AlarmDismissed d) {
      return card(Kind.DISMISSED, d, operator, unit, d.verdict().name(), d.dismissedAt(), zone);
    }
    if (event instanceof AlarmEscalated e) {
      return card(Kind.ESCALATED, e, operator, unit, e.escalatedTo(), e.escalatedAt(), zone);
    }
    return null;
  }

  /**
   * The line that tells an operator to phone 119: the centre did not acknowledge the fire.
   *
   * @param phone the number to call; shown as the line's detail
   */
  public static AlarmCard call119(
      OperatorId operator, String alarmId, UnitId unit, String phone, Instant at, ZoneId zone) {
    return new AlarmCard(
        Kind.CALL_119,
        alarmId,
        operator.toString(),
        unit == null ? null : unit.toString(),
        phone,
        TIME.format(at.atZone(zone)));
  }

  private static AlarmCard card(
      Kind kind,
      AlarmEvent event,
      OperatorId operator,
      String unit,
      String detail,
      Instant at,
      ZoneId zone) {
    return new AlarmCard(
        kind,
        event.alarmId().toString(),
        operator.toString(),
        unit,
        detail,
        TIME.format(at.atZone(zone)));
  }
}
