package io.fenghuo.contracts.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.alarm.DismissalVerdict;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.OperatorId;
import java.time.Instant;
import java.util.Objects;

/**
 * An incident sent to the 119 centre <b>unconfirmed</b> turned out not to be a fire: the operator
 * got through to the unit and dismissed the alarm as a false alarm or a test. On {@code
 * fire.119.incident}, keyed by the incident id, as the incident's next revision; nothing follows
 * it. A confirmed incident is never withdrawn.
 *
 * @param incidentId the incident; never null
 * @param revision the incident's revision this withdrawal is, above every {@link IncidentReported}
 *     revision of it
 * @param operatorId the operator; never null
 * @param alarmId the operator's alarm; never null
 * @param verdict false alarm or test; never null
 * @param reason the false-alarm cause and the operator's notes, or null
 * @param dismissedBy the operator's user id; never null
 * @param withdrawnAt when the operator dismissed the alarm; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentWithdrawn(
    IncidentId incidentId,
    int revision,
    OperatorId operatorId,
    AlarmId alarmId,
    DismissalVerdict verdict,
    String reason,
    String dismissedBy,
    Instant withdrawnAt)
    implements IncidentEvent {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the revision is below 2 (a withdrawal follows a report)
   */
  public IncidentWithdrawn {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(operatorId, "operatorId");
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(dismissedBy, "dismissedBy");
    Objects.requireNonNull(withdrawnAt, "withdrawnAt");
    if (revision < 2) {
      throw new IllegalArgumentException("a withdrawal follows at least one report: revision >= 2");
    }
  }

  @Override
  public String key() {
    return incidentId.toString();
  }
}
