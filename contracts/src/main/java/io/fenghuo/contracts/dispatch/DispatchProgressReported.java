package io.fenghuo.contracts.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * The 119 centre reported dispatch progress for the incident: accepted, units dispatched, arrived,
 * under control, closed.
 *
 * @param alarmId the alarm; never null
 * @param incidentId the incident; never null
 * @param unit the unit, or null
 * @param stage the progress; never null and never {@link ReceiptStatus#ACKNOWLEDGED}
 * @param issuedAt when the centre reported it; never null
 * @param receivedAt when the dispatch-119 service received it; never null
 * @param dispatcher who at the centre reported it, or null
 * @param centre the command centre, or null
 * @param note the centre's note (e.g. the fire station dispatched), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DispatchProgressReported(
    AlarmId alarmId,
    IncidentId incidentId,
    UnitId unit,
    ReceiptStatus stage,
    Instant issuedAt,
    Instant receivedAt,
    String dispatcher,
    String centre,
    String note)
    implements DispatchEvent {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the stage is the mere acknowledgement
   */
  public DispatchProgressReported {
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (!stage.isProgress()) {
      throw new IllegalArgumentException("an acknowledgement is a ReceiptReceived, not progress");
    }
  }
}
