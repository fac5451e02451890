package io.fenghuo.contracts.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * The 119 centre acknowledged the incident (接警确认): the operator can stop worrying about whether 119
 * has it.
 *
 * @param alarmId the alarm; never null
 * @param incidentId the incident; never null
 * @param unit the unit, or null
 * @param issuedAt when the centre issued the receipt; never null
 * @param receivedAt when the dispatch-119 service received it; never null
 * @param dispatcher who at the centre acknowledged, or null
 * @param centre the command centre, or null
 * @param note the centre's note, or null
 * @param publishToReceiptMillis time from the first publication of the incident to this receipt, in
 *     ms, or null if unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceiptReceived(
    AlarmId alarmId,
    IncidentId incidentId,
    UnitId unit,
    Instant issuedAt,
    Instant receivedAt,
    String dispatcher,
    String centre,
    String note,
    Long publishToReceiptMillis)
    implements DispatchEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public ReceiptReceived {
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
