package io.fenghuo.contracts.dispatch;

/**
 * What a receipt of the 119 command centre says about an incident, in the order of a dispatch. A
 * receipt with any status also proves that the incident arrived.
 */
public enum ReceiptStatus {
  /** The centre has the incident (接警确认). Stops the resend and escalation timer. */
  ACKNOWLEDGED,
  /** A dispatcher accepted the incident for dispatch (受理). */
  ACCEPTED,
  /** Fire units are on their way (已出动). */
  UNITS_DISPATCHED,
  /** The first fire unit arrived on site (到场). */
  ARRIVED,
  /** The fire is under control (控制). */
  UNDER_CONTROL,
  /** The incident is closed (结案). */
  CLOSED;

  /** Whether this status reports dispatch progress rather than the mere acknowledgement. */
  public boolean isProgress() {
    return this != ACKNOWLEDGED;
  }
}
