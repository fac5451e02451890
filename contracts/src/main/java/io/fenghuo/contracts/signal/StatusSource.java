package io.fenghuo.contracts.signal;

/** Which state a {@link StatusChanged} reports. */
public enum StatusSource {
  /** Type 1: building fire facility system state. */
  SYSTEM,
  /** Type 2: component running state. */
  COMPONENT,
  /** Type 21: UITD running state. */
  UITD
}
