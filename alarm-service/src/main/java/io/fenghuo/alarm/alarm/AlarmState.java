package io.fenghuo.alarm.alarm;

/** Where an alarm is in its handling. */
public enum AlarmState {
  /** In the queue, nobody holds it. */
  OPEN,
  /** An operator holds it. */
  CLAIMED,
  /** Closed as a true fire (真实火警). */
  CONFIRMED,
  /** Closed as a false alarm or a test. */
  DISMISSED;

  /** Whether the alarm is still in the queue. */
  public boolean isOpen() {
    return this == OPEN || this == CLAIMED;
  }
}
