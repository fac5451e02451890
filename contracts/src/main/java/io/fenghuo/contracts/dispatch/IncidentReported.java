package io.fenghuo.contracts.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.alarm.ConfirmationMethod;
import io.fenghuo.contracts.alarm.EscalationReason;
import io.fenghuo.contracts.alarm.FireReport;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * A fire incident for the 119 command centre (火警信息), on {@code fire.119.incident}, keyed by the
 * incident id. The centre answers with {@link ReceiptIssued} on {@code fire.119.receipt}.
 *
 * <p>One alarm is one incident. The same incident is sent again when the centre did not acknowledge
 * it in time ({@code attempt} 2, 3, …, same {@code revision}) and when it changed: an unconfirmed
 * forward ({@code confirmed=false}) that the operator then confirms is sent as the next {@code
 * revision} with {@code confirmed=true}. A consumer keeps, per incident, the record with the
 * highest revision and ignores repeated attempts.
 *
 * @param incidentId the incident; never null
 * @param revision 1 for the first version of the incident, incremented on every change
 * @param attempt 1 for the first send of this revision, incremented on every resend
 * @param confirmed whether a person confirmed the fire with the unit; false when the operator's
 *     escalation policy forwarded an unconfirmed fire alarm (未经确认的火警)
 * @param operatorId the monitoring centre's operator; never null
 * @param alarmId the operator's alarm; never null
 * @param unit the unit, or null if the device is bound to no unit
 * @param humanInitiated whether a person raised the first alarm (manual alarm)
 * @param firstAlertAt when the first signal occurred; never null
 * @param confirmedAt when the operator confirmed the fire; null when unconfirmed
 * @param confirmedBy the operator's user id; null when unconfirmed
 * @param method how the fire was confirmed; null when unconfirmed
 * @param unconfirmedReason why the policy forwarded it unconfirmed; null when confirmed
 * @param notes the operator's notes, or null
 * @param sentAt when the dispatch-119 service sent this record; never null
 * @param report the fire alarm call fields (unit, address, coordinates, building, floor, point
 *     location, contacts, device, points); never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentReported(
    IncidentId incidentId,
    int revision,
    int attempt,
    boolean confirmed,
    OperatorId operatorId,
    AlarmId alarmId,
    UnitId unit,
    boolean humanInitiated,
    Instant firstAlertAt,
    Instant confirmedAt,
    String confirmedBy,
    ConfirmationMethod method,
    EscalationReason unconfirmedReason,
    String notes,
    Instant sentAt,
    FireReport report)
    implements IncidentEvent {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if revision or attempt is below 1, or a confirmed incident
   *     lacks its confirmation time
   */
  public IncidentReported {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(operatorId, "operatorId");
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(firstAlertAt, "firstAlertAt");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(report, "report");
    if (revision < 1 || attempt < 1) {
      throw new IllegalArgumentException("revision and attempt start at 1");
    }
    if (confirmed && confirmedAt == null) {
      throw new IllegalArgumentException("a confirmed incident names its confirmation time");
    }
  }

  @Override
  public String key() {
    return incidentId.toString();
  }
}
