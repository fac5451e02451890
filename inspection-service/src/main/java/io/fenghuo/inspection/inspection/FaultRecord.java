package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.fault.FaultClosure;
import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.fault.FaultKind;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.PointRef;
import java.time.Instant;

/**
 * The stored state of one fault record.
 *
 * @param point the system or component; null for UITD-level and communication faults
 */
public record FaultRecord(
    FaultId id,
    OperatorId operator,
    UnitId unit,
    DeviceAddress device,
    FaultKind kind,
    String objectKey,
    PointRef point,
    String location,
    String description,
    String assignedCompany,
    Instant openedAt,
    String openSignalId,
    int escalationLevel,
    Instant nextEscalationAt,
    Instant acceptedAt,
    String acceptedBy,
    Instant repairedAt,
    String repairedBy,
    String repairNote,
    Instant closedAt,
    FaultClosure closedBy,
    String closeSignalId) {

  /** Whether the fault is still open. */
  public boolean open() {
    return closedAt == null;
  }

  /** The work-order state shown to people: OPEN, ACCEPTED, REPAIRED (awaiting proof), CLOSED. */
  public String workOrderState() {
    if (closedAt != null) {
      return "CLOSED";
    }
    if (repairedAt != null) {
      return "REPAIRED";
    }
    return acceptedAt != null ? "ACCEPTED" : "OPEN";
  }
}
