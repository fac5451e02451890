package io.fenghuo.simulator.device;

/** Why an upload was sent; reports count sends, confirms and failures per kind. */
public enum UploadKind {
  HEARTBEAT,
  STATUS,
  FIRE,
  RESET,
  FAULT,
  RECOVERY,
  DISABLE,
  ENABLE,
  POWER_FAULT,
  POWER_RESTORED,
  STATE_CHANGE,
  ANALOG,
  OPERATION,
  UITD_OPERATION,
  DUTY_CHECK_REPLY,
  /** Sent through the library API with caller-built data. */
  CUSTOM;

  /** Lower-case name with dashes, as used in reports. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /**
   * True for uploads that only make sense on the connection they were made for (liveness and
   * periodic status): they are not re-queued when the connection drops.
   */
  public boolean isPeriodic() {
    return this == HEARTBEAT || this == STATUS;
  }
}
