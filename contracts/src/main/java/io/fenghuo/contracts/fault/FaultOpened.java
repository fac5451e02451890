package io.fenghuo.contracts.fault;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.PointRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A fault record was opened: the unit and its maintenance company are to be told (GB 50440: faults
 * go to the maintenance staff and the unit's managers).
 *
 * @param faultId the new fault; never null
 * @param unit the unit; null if the device is not bound to a unit
 * @param device the UITD; never null
 * @param kind what is wrong; never null
 * @param point the system or component; null for UITD-level and communication faults
 * @param location the point's location text from the unit archive, or null if unknown
 * @param description the component description as the panel reported it, or null
 * @param assignedCompany the maintenance company (维保单位) of the unit's contract, or null if none
 * @param openedAt when the centre opened it (receipt of the signal, or the liveness deadline);
 *     never null
 * @param signalId the CloudEvent id of the signal that opened it, or null for a communication fault
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultOpened(
    FaultId faultId,
    UnitId unit,
    DeviceAddress device,
    FaultKind kind,
    PointRef point,
    String location,
    String description,
    String assignedCompany,
    Instant openedAt,
    String signalId)
    implements FaultEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public FaultOpened {
    Objects.requireNonNull(faultId, "faultId");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(openedAt, "openedAt");
  }
}
