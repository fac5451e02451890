package io.fenghuo.contracts.fault;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * A step of the fault's work order was recorded. The fault stays open: only the device's recovery
 * signal closes it (and verifies the repair).
 *
 * @param faultId the fault; never null
 * @param unit the unit; null only if the device was never bound to a unit
 * @param step accepted or repaired; never null
 * @param assignedCompany the maintenance company, or null if the unit has no contract
 * @param by the user who recorded it (token subject); never null
 * @param note free text, or null
 * @param at when; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultWorkOrderUpdated(
    FaultId faultId,
    UnitId unit,
    WorkOrderStep step,
    String assignedCompany,
    String by,
    String note,
    Instant at)
    implements FaultEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public FaultWorkOrderUpdated {
    Objects.requireNonNull(faultId, "faultId");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }
}
