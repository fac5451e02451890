package io.fenghuo.contracts.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * The 119 centre has not acknowledged the incident although it was sent and resent: the operator
 * who forwarded it must phone 119 now (the console shows {@link #message()} with {@link
 * #centrePhone()}). The incident is marked escalated; a late receipt still counts.
 *
 * @param alarmId the alarm; never null
 * @param incidentId the incident; never null
 * @param unit the unit, or null
 * @param firstSentAt when the incident was first sent; never null
 * @param attempts how many sends of the incident got no receipt, from 1
 * @param escalatedAt when the service gave up waiting; never null
 * @param centrePhone the number to call, e.g. {@code 119}; never null
 * @param message what to show the operator; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentUnacknowledged(
    AlarmId alarmId,
    IncidentId incidentId,
    UnitId unit,
    Instant firstSentAt,
    int attempts,
    Instant escalatedAt,
    String centrePhone,
    String message)
    implements DispatchEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public IncidentUnacknowledged {
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(firstSentAt, "firstSentAt");
    Objects.requireNonNull(escalatedAt, "escalatedAt");
    Objects.requireNonNull(centrePhone, "centrePhone");
    Objects.requireNonNull(message, "message");
  }
}
