package io.fenghuo.contracts.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * An alarm was escalated because it was not handled in time.
 *
 * @param alarmId the alarm; never null
 * @param unit the unit; null only if the device was never bound to a unit
 * @param reason why; never null
 * @param level escalation level, 1 for the first, counting up
 * @param escalatedTo the role or user it was escalated to (e.g. {@code shift-supervisor}); never
 *     null
 * @param escalatedAt when; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmEscalated(
    AlarmId alarmId,
    UnitId unit,
    EscalationReason reason,
    int level,
    String escalatedTo,
    Instant escalatedAt)
    implements AlarmEvent {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the level is below 1
   */
  public AlarmEscalated {
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(escalatedTo, "escalatedTo");
    Objects.requireNonNull(escalatedAt, "escalatedAt");
    if (level < 1) {
      throw new IllegalArgumentException("escalation level " + level + " must be at least 1");
    }
  }
}
