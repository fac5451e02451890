package io.fenghuo.contracts.event;

import io.fenghuo.contracts.alarm.AlarmClaimed;
import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.alarm.AlarmDismissed;
import io.fenghuo.contracts.alarm.AlarmEscalated;
import io.fenghuo.contracts.alarm.AlarmForwardedUnconfirmed;
import io.fenghuo.contracts.alarm.AlarmPointsAdded;
import io.fenghuo.contracts.alarm.AlarmRaised;
import io.fenghuo.contracts.alarm.AlarmReleased;
import io.fenghuo.contracts.alarm.AlarmUnitAttached;
import io.fenghuo.contracts.command.DeviceCommandCompleted;
import io.fenghuo.contracts.command.DeviceCommandRequested;
import io.fenghuo.contracts.dispatch.CommunicationTestSent;
import io.fenghuo.contracts.dispatch.DispatchProgressReported;
import io.fenghuo.contracts.dispatch.IncidentForwarded;
import io.fenghuo.contracts.dispatch.IncidentReported;
import io.fenghuo.contracts.dispatch.IncidentUnacknowledged;
import io.fenghuo.contracts.dispatch.IncidentWithdrawn;
import io.fenghuo.contracts.dispatch.ReceiptIssued;
import io.fenghuo.contracts.dispatch.ReceiptReceived;
import io.fenghuo.contracts.fault.FaultClosed;
import io.fenghuo.contracts.fault.FaultEscalated;
import io.fenghuo.contracts.fault.FaultOpened;
import io.fenghuo.contracts.fault.FaultWorkOrderUpdated;
import io.fenghuo.contracts.signal.DeviceConnected;
import io.fenghuo.contracts.signal.DeviceDisconnected;
import io.fenghuo.contracts.signal.FireAlarmRaised;
import io.fenghuo.contracts.signal.OperationRecorded;
import io.fenghuo.contracts.signal.StatusChanged;
import io.fenghuo.contracts.signal.TelemetryReported;
import io.fenghuo.contracts.signal.UnregisteredDeviceReported;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the platform: its stable wire name ({@code ce_type}), the record that carries
 * it, the stream it is published on, and its JSON Schema. A wire name never changes; an
 * incompatible change is a new type with the next version suffix.
 */
public enum EventType {
  FIRE_ALARM_RAISED(
      "fenghuo.signal.fire-alarm-raised.v1", FireAlarmRaised.class, Stream.SIGNAL_ALARM),
  STATUS_CHANGED("fenghuo.signal.status-changed.v1", StatusChanged.class, Stream.SIGNAL_STATUS),
  OPERATION_RECORDED(
      "fenghuo.signal.operation-recorded.v1", OperationRecorded.class, Stream.SIGNAL_STATUS),
  TELEMETRY_REPORTED(
      "fenghuo.signal.telemetry-reported.v1", TelemetryReported.class, Stream.SIGNAL_TELEMETRY),
  DEVICE_CONNECTED("fenghuo.device.connected.v1", DeviceConnected.class, Stream.DEVICE_CONNECTION),
  DEVICE_DISCONNECTED(
      "fenghuo.device.disconnected.v1", DeviceDisconnected.class, Stream.DEVICE_CONNECTION),
  UNREGISTERED_DEVICE_REPORTED(
      "fenghuo.signal.unregistered-device-reported.v1",
      UnregisteredDeviceReported.class,
      Stream.SIGNAL_UNREGISTERED),
  DEVICE_COMMAND_REQUESTED(
      "fenghuo.device.command-requested.v1", DeviceCommandRequested.class, Stream.DEVICE_COMMAND),
  DEVICE_COMMAND_COMPLETED(
      "fenghuo.device.command-completed.v1",
      DeviceCommandCompleted.class,
      Stream.DEVICE_COMMAND_RESULT),
  ALARM_RAISED("fenghuo.alarm.raised.v1", AlarmRaised.class, Stream.ALARM),
  ALARM_POINTS_ADDED("fenghuo.alarm.points-added.v1", AlarmPointsAdded.class, Stream.ALARM),
  ALARM_UNIT_ATTACHED("fenghuo.alarm.unit-attached.v1", AlarmUnitAttached.class, Stream.ALARM),
  ALARM_CLAIMED("fenghuo.alarm.claimed.v1", AlarmClaimed.class, Stream.ALARM),
  ALARM_RELEASED("fenghuo.alarm.released.v1", AlarmReleased.class, Stream.ALARM),
  ALARM_FORWARDED_UNCONFIRMED(
      "fenghuo.alarm.forwarded-unconfirmed.v1", AlarmForwardedUnconfirmed.class, Stream.ALARM),
  ALARM_CONFIRMED("fenghuo.alarm.confirmed.v1", AlarmConfirmed.class, Stream.ALARM),
  ALARM_DISMISSED("fenghuo.alarm.dismissed.v1", AlarmDismissed.class, Stream.ALARM),
  ALARM_ESCALATED("fenghuo.alarm.escalated.v1", AlarmEscalated.class, Stream.ALARM),
  UNIT_ARCHIVE_CHANGED("fenghuo.unit.archive-changed.v1", UnitArchiveChanged.class, Stream.UNIT),
  INCIDENT_REPORTED(
      "fenghuo.dispatch.incident-reported.v1", IncidentReported.class, Stream.INCIDENT),
  COMMUNICATION_TEST_SENT(
      "fenghuo.dispatch.communication-test-sent.v1", CommunicationTestSent.class, Stream.INCIDENT),
  RECEIPT_ISSUED("fenghuo.dispatch.receipt-issued.v1", ReceiptIssued.class, Stream.RECEIPT),
  INCIDENT_FORWARDED(
      "fenghuo.dispatch.incident-forwarded.v1", IncidentForwarded.class, Stream.DISPATCH),
  RECEIPT_RECEIVED("fenghuo.dispatch.receipt-received.v1", ReceiptReceived.class, Stream.DISPATCH),
  DISPATCH_PROGRESS_REPORTED(
      "fenghuo.dispatch.progress-reported.v1", DispatchProgressReported.class, Stream.DISPATCH),
  INCIDENT_UNACKNOWLEDGED(
      "fenghuo.dispatch.incident-unacknowledged.v1", IncidentUnacknowledged.class, Stream.DISPATCH),
  INCIDENT_WITHDRAWN(
      "fenghuo.dispatch.incident-withdrawn.v1", IncidentWithdrawn.class, Stream.INCIDENT),
  FAULT_OPENED("fenghuo.fault.opened.v1", FaultOpened.class, Stream.FAULT),
  FAULT_ESCALATED("fenghuo.fault.escalated.v1", FaultEscalated.class, Stream.FAULT),
  FAULT_WORK_ORDER_UPDATED(
      "fenghuo.fault.work-order-updated.v1", FaultWorkOrderUpdated.class, Stream.FAULT),
  FAULT_CLOSED("fenghuo.fault.closed.v1", FaultClosed.class, Stream.FAULT);

  private static final Map<String, EventType> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.wireName, t -> t));
  private static final Map<Class<?>, EventType> BY_CLASS =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(t -> t.recordClass, Function.identity()));

  private final String wireName;
  private final Class<? extends FenghuoEvent> recordClass;
  private final Stream stream;

  EventType(String wireName, Class<? extends FenghuoEvent> recordClass, Stream stream) {
    this.wireName = wireName;
    this.recordClass = recordClass;
    this.stream = stream;
  }

  /** The {@code ce_type} value, e.g. {@code fenghuo.alarm.confirmed.v1}. */
  public String wireName() {
    return wireName;
  }

  /** The record class that carries this type's data. */
  public Class<? extends FenghuoEvent> recordClass() {
    return recordClass;
  }

  /** The stream this type is published on. */
  public Stream stream() {
    return stream;
  }

  /**
   * The classpath resource of the JSON Schema (draft 2020-12) of this type's data, e.g. {@code
   * schemas/fenghuo.alarm.confirmed.v1.schema.json}.
   */
  public String schemaResource() {
    return "schemas/" + wireName + ".schema.json";
  }

  /** The type with this wire name, if any. */
  public static Optional<EventType> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }

  /**
   * The type of an event record.
   *
   * @throws IllegalArgumentException if the class is not a registered event record
   */
  public static EventType of(FenghuoEvent event) {
    EventType type = BY_CLASS.get(event.getClass());
    if (type == null) {
      throw new IllegalArgumentException(
          event.getClass().getName() + " is not a registered event type");
    }
    return type;
  }
}
