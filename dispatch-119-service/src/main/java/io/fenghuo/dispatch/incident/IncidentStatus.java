package io.fenghuo.dispatch.incident;

import io.fenghuo.contracts.dispatch.ReceiptStatus;

/** Where an incident stands at the 119 centre, in dispatch order; it only moves forward. */
public enum IncidentStatus {
  /** Sent (or about to be), no receipt yet: the resend and escalation timer runs. */
  AWAITING_RECEIPT,
  ACKNOWLEDGED,
  ACCEPTED,
  UNITS_DISPATCHED,
  ARRIVED,
  UNDER_CONTROL,
  CLOSED,
  /** Sent unconfirmed, then dismissed by the operator as a false alarm or test: not a fire. */
  WITHDRAWN;

  /** The status a receipt puts an incident in. */
  public static IncidentStatus of(ReceiptStatus receipt) {
    return valueOf(receipt.name());
  }

  /** The later of the two. */
  public IncidentStatus atLeast(IncidentStatus other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
