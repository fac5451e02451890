package io.fenghuo.alarm.alarm;

/** How a call to a contact of the unit went. */
public enum CallOutcome {
  ANSWERED,
  NO_ANSWER,
  BUSY
}
