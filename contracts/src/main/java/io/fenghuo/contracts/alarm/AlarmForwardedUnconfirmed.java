package io.fenghuo.contracts.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * The operator's escalation policy forwarded a fire alarm to 119 <b>before anyone confirmed it</b>
 * (未经确认的火警): nobody claimed or confirmed it in time and the policy says an unconfirmed fire alarm
 * goes to 119 rather than wait. The dispatch-119 service forwards it like {@link AlarmConfirmed},
 * flagged unconfirmed; at most one per alarm. A later {@link AlarmConfirmed} or {@link
 * AlarmDismissed} of the same alarm follows when the operator gets through to the unit.
 *
 * @param alarmId the alarm; never null
 * @param unit the unit; null only if the device was never bound to a unit
 * @param confirmed always false: the fire has not been confirmed with the unit
 * @param reason which timer ran out; never null
 * @param humanInitiated whether the first alarm was raised by a person (manual alarm)
 * @param firstAlertAt when the first signal occurred; never null
 * @param forwardedAt when the policy forwarded it; never null
 * @param report what is known for 119 (no caller: nobody confirmed); never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmForwardedUnconfirmed(
    AlarmId alarmId,
    UnitId unit,
    boolean confirmed,
    EscalationReason reason,
    boolean humanInitiated,
    Instant firstAlertAt,
    Instant forwardedAt,
    FireReport report)
    implements AlarmEvent {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if {@code confirmed} is true
   */
  public AlarmForwardedUnconfirmed {
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(firstAlertAt, "firstAlertAt");
    Objects.requireNonNull(forwardedAt, "forwardedAt");
    Objects.requireNonNull(report, "report");
    if (confirmed) {
      throw new IllegalArgumentException("an unconfirmed forward cannot be confirmed");
    }
  }
}
