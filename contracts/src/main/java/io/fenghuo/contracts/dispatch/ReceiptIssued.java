package io.fenghuo.contracts.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.event.FenghuoEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The 119 command centre's receipt for an incident (or a communication test), on {@code
 * fire.119.receipt}, keyed by the incident id: the acknowledgement, then dispatch progress. Written
 * by the centre's own system, or by the dispatch-119 service on behalf of a dispatcher using the
 * fire alarm information terminal (火警信息终端).
 *
 * @param incidentId the incident (or communication test) answered; never null
 * @param status what the receipt says; never null
 * @param issuedAt when the centre issued it; never null
 * @param revision the incident revision it answers, or null for the latest
 * @param dispatcher who at the centre issued it (name or user id), or null
 * @param centre the command centre, e.g. {@code 杭州市119指挥中心}, or null
 * @param note free text, e.g. which fire station was dispatched, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceiptIssued(
    IncidentId incidentId,
    ReceiptStatus status,
    Instant issuedAt,
    Integer revision,
    String dispatcher,
    String centre,
    String note)
    implements FenghuoEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public ReceiptIssued {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }

  @Override
  public String key() {
    return incidentId.toString();
  }
}
