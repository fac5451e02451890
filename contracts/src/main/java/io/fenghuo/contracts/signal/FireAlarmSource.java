package io.fenghuo.contracts.signal;

/** The information object that carried a fire alarm (GB/T 26875.3 §8.2.1, §8.3.1). */
public enum FireAlarmSource {
  /** Type 1: building fire facility system state, bit 1 (火警). */
  SYSTEM_STATE(false),
  /** Type 2: component running state, bit 1 (火警). */
  COMPONENT_STATE(false),
  /** Type 4: facility operation information, bit 2 (手动报警). */
  FACILITY_MANUAL_ALARM(true),
  /** Type 24: UITD operation information, bit 2 (手动报警). */
  UITD_MANUAL_ALARM(true),
  /** Type 21: UITD running state, bit 1 (火警). */
  UITD_STATE(false);

  private final boolean humanInitiated;

  FireAlarmSource(boolean humanInitiated) {
    this.humanInitiated = humanInitiated;
  }

  /** Whether a person raised the alarm rather than a detector or panel. */
  public boolean humanInitiated() {
    return humanInitiated;
  }
}
