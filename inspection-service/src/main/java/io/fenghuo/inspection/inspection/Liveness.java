package io.fenghuo.inspection.inspection;

/** Whether the centre hears a UITD. */
public enum Liveness {
  /** Bound (or heard of) but never heard since this service knows it. */
  UNKNOWN,
  /** Heard within its heartbeat window plus tolerance. */
  ONLINE,
  /** Silent past its deadline: a communication fault is open. */
  OFFLINE
}
