package io.fenghuo.contracts.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * The incident reached one path to the 119 centre: Kafka acknowledged it on {@code
 * fire.119.incident}, or the centre's webhook answered 2xx. One event per path and send.
 *
 * @param alarmId the alarm; never null
 * @param incidentId the incident; never null
 * @param unit the unit, or null
 * @param confirmed whether the forwarded incident is confirmed
 * @param revision the incident revision sent, from 1
 * @param attempt the send of that revision, from 1 (2+ = resent after no receipt)
 * @param path which path; never null
 * @param forwardedAt when the path took it; never null
 * @param confirmationToForwardMillis time from the confirmation (or the unconfirmed forward) to
 *     this forward, in ms, for the first send of a revision; null for resends
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentForwarded(
    AlarmId alarmId,
    IncidentId incidentId,
    UnitId unit,
    boolean confirmed,
    int revision,
    int attempt,
    ForwardPath path,
    Instant forwardedAt,
    Long confirmationToForwardMillis)
    implements DispatchEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public IncidentForwarded {
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(forwardedAt, "forwardedAt");
  }
}
