package io.fenghuo.contracts.fault;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * A fault record was closed because the device showed it repaired.
 *
 * @param faultId the fault; never null
 * @param unit the unit; null only if the device was never bound to a unit
 * @param kind what was wrong; never null
 * @param closedBy what proved the repair; never null
 * @param openedAt when the fault was opened; never null
 * @param repairedReportedAt when the maintenance company reported the repair, or null if it did not
 * @param closedAt when the centre received the proof; never null
 * @param signalId the CloudEvent id of the signal that closed it, or null when the device came back
 *     online
 * @param assignedCompany the maintenance company of the work order (as in {@link FaultOpened}), or
 *     null if the unit has no maintenance contract
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultClosed(
    FaultId faultId,
    UnitId unit,
    FaultKind kind,
    FaultClosure closedBy,
    Instant openedAt,
    Instant repairedReportedAt,
    Instant closedAt,
    String signalId,
    String assignedCompany)
    implements FaultEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public FaultClosed {
    Objects.requireNonNull(faultId, "faultId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(closedBy, "closedBy");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(closedAt, "closedAt");
  }
}
