package io.fenghuo.alarm.alarm;

/** What an audit timeline entry records. */
public enum TimelineKind {
  RAISED,
  /** The device's unit became known after the alarm opened (see Alarm#attachUnit). */
  UNIT_ATTACHED,
  POINT_ADDED,
  CLAIMED,
  RELEASED,
  CLAIM_EXPIRED,
  CALL,
  NOTE,
  PANEL_RESET,
  ALARM_CLEARED,
  ESCALATED,
  FORWARDED_UNCONFIRMED,
  CONFIRMED,
  DISMISSED,
  DISPATCH_FEEDBACK
}
