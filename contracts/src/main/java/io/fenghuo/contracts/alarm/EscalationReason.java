package io.fenghuo.contracts.alarm;

/** Why an alarm was escalated. */
public enum EscalationReason {
  /** No operator claimed it in time. */
  NOT_CLAIMED,
  /** Claimed, but not confirmed or dismissed in time. */
  NOT_CONFIRMED_IN_TIME,
  /** Nobody at the unit answered the call list. */
  UNIT_UNREACHABLE
}
