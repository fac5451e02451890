package io.fenghuo.contracts.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * An operator confirmed with the unit that the alarm is a true fire (真实火警), or a manual alarm
 * confirmed by the unit. The dispatch-119 service forwards it to the 119 command centre (GB 50440:
 * within 3 s) with the {@link FireReport}.
 *
 * @param alarmId the alarm; never null
 * @param unit the unit; null only if the device was never bound to a unit
 * @param confirmedBy the user id of the operator who confirmed; never null
 * @param humanInitiated whether the first alarm was raised by a person (manual alarm)
 * @param firstAlertAt when the first signal occurred; never null
 * @param confirmedAt when the operator recorded the confirmation; never null
 * @param notes the operator's notes, or null
 * @param method how the fire was confirmed; never null
 * @param report the call fields for 119; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmConfirmed(
    AlarmId alarmId,
    UnitId unit,
    String confirmedBy,
    boolean humanInitiated,
    Instant firstAlertAt,
    Instant confirmedAt,
    String notes,
    ConfirmationMethod method,
    FireReport report)
    implements AlarmEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public AlarmConfirmed {
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(confirmedBy, "confirmedBy");
    Objects.requireNonNull(firstAlertAt, "firstAlertAt");
    Objects.requireNonNull(confirmedAt, "confirmedAt");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(report, "report");
  }
}
