package io.fenghuo.contracts.signal;

import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.DeviceAddress;

/**
 * What the gateway learned from one UITD: one signal per information object of an upload, or one
 * per connection change. Keyed by the device address so one device's signals stay in order.
 */
public sealed interface DeviceSignal extends FenghuoEvent
    permits FireAlarmRaised,
        StatusChanged,
        OperationRecorded,
        TelemetryReported,
        DeviceConnected,
        DeviceDisconnected {

  /** The UITD this signal came from; never null. */
  DeviceAddress device();

  @Override
  default String key() {
    return device().toString();
  }
}
