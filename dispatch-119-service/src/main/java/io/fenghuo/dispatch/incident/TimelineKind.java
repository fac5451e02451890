package io.fenghuo.dispatch.incident;

/** What happened to an incident: one timeline entry each, with its time. */
public enum TimelineKind {
  /** The alarm-service confirmed the fire (alarm.confirmed consumed). */
  ALARM_CONFIRMED,
  /** The operator's policy forwarded an unconfirmed fire alarm (alarm.forwarded-unconfirmed). */
  ALARM_FORWARDED_UNCONFIRMED,
  /** A confirmation of an alarm already forwarded unconfirmed: the incident becomes confirmed. */
  CONFIRMED_AFTER_FORWARD,
  /** A send of the incident was queued in the outbox (attempt 1 of a revision). */
  QUEUED,
  /** No receipt in time: the incident was queued again (attempt 2+). */
  RESENT,
  /** One path took the incident (Kafka acknowledged it, or the webhook answered 2xx). */
  FORWARDED,
  /** One path failed to take it after its retries. */
  DELIVERY_FAILED,
  /** A receipt of the 119 centre arrived (status in the entry). */
  RECEIPT,
  /** A dispatcher used the terminal API; the receipt follows on fire.119.receipt. */
  TERMINAL_ACTION,
  /** No receipt after the resends: the operator was told to phone 119. */
  ESCALATED,
  /** An unconfirmed incident was dismissed by the operator; the withdrawal was queued for 119. */
  WITHDRAWN,
  /** An alarm event that changed nothing (e.g. a second confirmation). */
  IGNORED
}
