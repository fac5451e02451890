package io.fenghuo.contracts.dispatch;

import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;

/**
 * What became of an operator's fire at the 119 boundary, on the operator's own {@code
 * fire.op.<op>.dispatch}, keyed by the <b>alarm id</b>, so the alarm-service can put every step on
 * the alarm's timeline and the console can show it to the operator and the unit.
 */
public sealed interface DispatchEvent extends FenghuoEvent
    permits IncidentForwarded, ReceiptReceived, DispatchProgressReported, IncidentUnacknowledged {

  /** The alarm; never null. */
  AlarmId alarmId();

  /** The incident at 119; never null. */
  IncidentId incidentId();

  /** The unit, or null if the device is bound to no unit. */
  UnitId unit();

  @Override
  default String key() {
    return alarmId().toString();
  }
}
