package io.fenghuo.contracts.alarm;

/** Why an operator's claim on an alarm ended without a result. */
public enum ReleaseReason {
  /** The holder (or a supervisor) released it. */
  RELEASED,
  /** The holder did nothing on the alarm for the claim idle timeout. */
  IDLE_TIMEOUT,
  /** An operator supervisor took the alarm over. */
  TAKEN_OVER
}
