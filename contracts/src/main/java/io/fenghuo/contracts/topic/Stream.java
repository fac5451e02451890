package io.fenghuo.contracts.topic;

/**
 * Every stream of the platform (ARCHITECTURE.md §3, one page each in {@code docs/streams/}). The
 * stream name is the part of the topic after the scope (and operator) prefix.
 */
public enum Stream {
  /** Fire alarms and manual alarms: the priority lane. Key: device address. */
  SIGNAL_ALARM(Scope.OPERATOR, "signal.alarm", false),
  /** Faults, disables, supervisory, start/feedback, power, operations. Key: device address. */
  SIGNAL_STATUS(Scope.OPERATOR, "signal.status", false),
  /** Heartbeats, analog values, versions, configuration, clocks. Key: device address. */
  SIGNAL_TELEMETRY(Scope.OPERATOR, "signal.telemetry", false),
  /**
   * Signals of UITDs that no unit has bound yet, held apart for onboarding. Key: device address.
   */
  SIGNAL_UNREGISTERED(Scope.OPERATOR, "signal.unregistered", false),
  /** Connected / disconnected. Key: device address. */
  DEVICE_CONNECTION(Scope.OPERATOR, "device.connection", false),
  /** Downlink commands for the gateway holding the connection. Key: device address. */
  DEVICE_COMMAND(Scope.OPERATOR, "device.command", false),
  /** Results of downlink commands. Key: device address. */
  DEVICE_COMMAND_RESULT(Scope.OPERATOR, "device.command-result", false),
  /** Archive snapshots, device bindings, point locations (compacted). Key: unit id. */
  UNIT(Scope.OPERATOR, "unit", true),
  /** Alarm lifecycle. Key: alarm id. */
  ALARM(Scope.OPERATOR, "alarm", false),
  /** Fault lifecycle. Key: fault id. */
  FAULT(Scope.OPERATOR, "fault", false),
  /** Confirmed fires for the 119 centre, all operators. Key: incident id. */
  INCIDENT(Scope.CENTRE_119, "incident", false),
  /** Acknowledgements and dispatch progress from the 119 centre. Key: incident id. */
  RECEIPT(Scope.CENTRE_119, "receipt", false),
  /** Notices of the fire supervision authority to units. Key: notice id. */
  NOTICE(Scope.REGION, "notice", false),
  /**
   * What became of the operator's fires at the 119 boundary: forwarded, acknowledged, dispatch
   * progress, unacknowledged. Key: alarm id.
   */
  DISPATCH(Scope.OPERATOR, "dispatch", false);

  private final Scope scope;
  private final String streamName;
  private final boolean compacted;

  Stream(Scope scope, String streamName, boolean compacted) {
    this.scope = scope;
    this.streamName = streamName;
    this.compacted = compacted;
  }

  /** The scope this stream lives in. */
  public Scope scope() {
    return scope;
  }

  /** The stream part of the topic name, e.g. {@code signal.alarm}. */
  public String streamName() {
    return streamName;
  }

  /** Whether the topic is log-compacted (latest value per key) rather than deleted by age. */
  public boolean compacted() {
    return compacted;
  }
}
