package io.fenghuo.contracts.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * An operator closed the alarm as a false alarm (误报) or a test (测试).
 *
 * @param alarmId the alarm; never null
 * @param unit the unit; null only if the device was never bound to a unit
 * @param verdict false alarm or test; never null
 * @param cause the false-alarm cause; required for {@link DismissalVerdict#FALSE_ALARM}, null for a
 *     test
 * @param dismissedBy the user id of the operator; never null
 * @param dismissedAt when the operator recorded it; never null
 * @param notes the operator's notes, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmDismissed(
    AlarmId alarmId,
    UnitId unit,
    DismissalVerdict verdict,
    FalseAlarmCause cause,
    String dismissedBy,
    Instant dismissedAt,
    String notes)
    implements AlarmEvent {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the cause does not fit the verdict
   */
  public AlarmDismissed {
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(dismissedBy, "dismissedBy");
    Objects.requireNonNull(dismissedAt, "dismissedAt");
    if ((verdict == DismissalVerdict.FALSE_ALARM) != (cause != null)) {
      throw new IllegalArgumentException(
          verdict == DismissalVerdict.FALSE_ALARM
              ? "a false alarm needs its cause"
              : "a test takes no false-alarm cause");
    }
  }
}
