package io.fenghuo.contracts.fault;

/** A step of a fault's work order (维保工单) before the device verifies the repair. */
public enum WorkOrderStep {
  /** The maintenance company accepted the work order (已受理). */
  ACCEPTED,
  /** The maintenance company reports the repair done (已维修); the recovery signal verifies it. */
  REPAIRED
}
