package io.fenghuo.contracts.fault;

import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.UnitId;

/**
 * The lifecycle of one fault record on {@code fire.op.<op>.fault}, keyed by the fault id so its
 * events stay in order: opened, escalated, work order updated, closed.
 */
public sealed interface FaultEvent extends FenghuoEvent
    permits FaultOpened, FaultEscalated, FaultWorkOrderUpdated, FaultClosed {

  /** The fault; never null. */
  FaultId faultId();

  /** The unit; null only if the device was never bound to a unit. */
  UnitId unit();

  @Override
  default String key() {
    return faultId().toString();
  }
}
