package io.fenghuo.contracts.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * An operator's claim on an open alarm ended without a result: the alarm is back in the queue
 * (unless {@link ReleaseReason#TAKEN_OVER}, where an {@link AlarmClaimed} of the new holder
 * follows).
 *
 * @param alarmId the alarm; never null
 * @param unit the unit; null only if the device was never bound to a unit
 * @param holder the user id whose claim ended; never null
 * @param reason why; never null
 * @param releasedBy the user id who released it, or {@code system} for an idle timeout; never null
 * @param releasedAt when; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmReleased(
    AlarmId alarmId,
    UnitId unit,
    String holder,
    ReleaseReason reason,
    String releasedBy,
    Instant releasedAt)
    implements AlarmEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public AlarmReleased {
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(releasedBy, "releasedBy");
    Objects.requireNonNull(releasedAt, "releasedAt");
  }
}
