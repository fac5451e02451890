package io.fenghuo.contracts.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * An operator took an alarm in hand (接警); the other seats see who.
 *
 * @param alarmId the alarm; never null
 * @param unit the unit; null only if the device was never bound to a unit
 * @param claimedBy the user id of the operator; never null
 * @param claimedAt when; never null
 * @param takenOverFrom the previous holder when a supervisor took the alarm over, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmClaimed(
    AlarmId alarmId, UnitId unit, String claimedBy, Instant claimedAt, String takenOverFrom)
    implements AlarmEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public AlarmClaimed {
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(claimedBy, "claimedBy");
    Objects.requireNonNull(claimedAt, "claimedAt");
  }
}
