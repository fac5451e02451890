package io.fenghuo.contracts.alarm;

import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;

/**
 * The lifecycle of one alarm (警情) in an operator's monitoring centre, on {@code
 * fire.op.<op>.alarm}, keyed by the alarm id so its events stay in order.
 */
public sealed interface AlarmEvent extends FenghuoEvent
    permits AlarmRaised,
        AlarmPointsAdded,
        AlarmUnitAttached,
        AlarmClaimed,
        AlarmReleased,
        AlarmEscalated,
        AlarmForwardedUnconfirmed,
        AlarmConfirmed,
        AlarmDismissed {

  /** The alarm; never null. */
  AlarmId alarmId();

  /** The unit; null only if the device was never bound to a unit. */
  UnitId unit();

  @Override
  default String key() {
    return alarmId().toString();
  }
}
