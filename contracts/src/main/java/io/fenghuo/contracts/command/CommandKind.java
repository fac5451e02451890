package io.fenghuo.contracts.command;

/**
 * What a downlink command asks a UITD to do (GB/T 26875.3 §8.3.2, table 3 types 61–91). Control
 * commands (89–91) use send/confirm; reads (61–88) use request/response (§6.1).
 */
public enum CommandKind {
  /** Type 61: read system state; needs system type and address. */
  READ_SYSTEM_STATE(61),
  /** Type 62: read component state; needs system type, system address, component address. */
  READ_COMPONENT_STATE(62),
  /** Type 63: read component analog value; as {@link #READ_COMPONENT_STATE}. */
  READ_COMPONENT_ANALOG_VALUE(63),
  /** Type 64: read facility operation records; system, record count, since. */
  READ_FACILITY_OPERATIONS(64),
  /** Type 65: read facility software version; system. */
  READ_FACILITY_SOFTWARE_VERSION(65),
  /** Type 66: read system configuration; system. */
  READ_SYSTEM_CONFIGURATION(66),
  /** Type 67: read component configuration; system and component address. */
  READ_COMPONENT_CONFIGURATION(67),
  /** Type 68: read facility system time; system. */
  READ_FACILITY_SYSTEM_TIME(68),
  /** Type 81: read UITD running state. */
  READ_UITD_STATE(81),
  /** Type 84: read UITD operation records; record count, since. */
  READ_UITD_OPERATIONS(84),
  /** Type 85: read UITD software version. */
  READ_UITD_SOFTWARE_VERSION(85),
  /** Type 86: read UITD configuration. */
  READ_UITD_CONFIGURATION(86),
  /** Type 88: read UITD system time. */
  READ_UITD_SYSTEM_TIME(88),
  /** Type 89: initialise the UITD. */
  INITIALISE(89),
  /** Type 90: synchronise the UITD clock with the centre's. */
  SYNC_CLOCK(90),
  /** Type 91: duty check (查岗); the reply is a type-24 upload with bit 5 within the timeout. */
  DUTY_CHECK(91);

  private final int typeFlag;

  CommandKind(int typeFlag) {
    this.typeFlag = typeFlag;
  }

  /** The GB/T 26875.3 type flag (table 3) the command is sent with. */
  public int typeFlag() {
    return typeFlag;
  }
}
