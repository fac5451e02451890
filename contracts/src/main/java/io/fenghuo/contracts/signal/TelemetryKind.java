package io.fenghuo.contracts.signal;

/** What a {@link TelemetryReported} carries. */
public enum TelemetryKind {
  /** The device is alive; coalesced by the gateway to at most one per device per interval. */
  HEARTBEAT,
  /** Type 3: component analog value. */
  ANALOG_VALUE,
  /** Types 5 and 25: facility or UITD software version. */
  SOFTWARE_VERSION,
  /** Types 6, 7 and 26: system, component or UITD configuration text. */
  CONFIGURATION,
  /** Types 8 and 28: facility or UITD clock. */
  CLOCK
}
