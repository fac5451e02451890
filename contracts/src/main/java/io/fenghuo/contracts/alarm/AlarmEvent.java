package io.fenghuo.contracts.alarm;

import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.AlarmId;

/**
 * The lifecycle of one alarm (警情) in an operator's monitoring centre, on {@code
 * fire.op.<op>.alarm}, keyed by the alarm id so its events stay in order.
 */
public sealed interface AlarmEvent extends FenghuoEvent
    permits AlarmRaised, AlarmConfirmed, AlarmDismissed, AlarmEscalated {

  /** The alarm; never null. */
  AlarmId alarmId();

  @Override
  default String key() {
    return alarmId().toString();
  }
}
