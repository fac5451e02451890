package io.fenghuo.contracts.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.FireAlarmSource;
import io.fenghuo.contracts.signal.PointRef;
import java.time.Instant;
import java.util.Objects;

/**
 * An alarm was opened for a unit from its first fire signal (首警) and put in the operators' queue.
 *
 * @param alarmId the new alarm; never null
 * @param unit the unit the device is bound to; null if the device is not (yet) bound to a unit
 * @param device the UITD that reported; never null
 * @param source which information object carried the first fire alarm; null for a supervisory or
 *     other alarm
 * @param firstPoint the first point in alarm; null when the UITD itself reported
 * @param location the point's location text from the unit archive, or null if unknown
 * @param firstAlertAt when the first signal occurred (its time label, or receipt time if the label
 *     was invalid); never null
 * @param signalId the CloudEvent id of the first signal, for audit; never null
 * @param category fire, supervisory or other; never null
 * @param humanInitiated whether a person raised the first alarm (manual alarm)
 * @param maintenanceWindow whether the unit was in a declared test/maintenance window: the alarm is
 *     raised all the same, marked
 * @param unitName the unit's name from the archive, or null if unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmRaised(
    AlarmId alarmId,
    UnitId unit,
    DeviceAddress device,
    FireAlarmSource source,
    PointRef firstPoint,
    String location,
    Instant firstAlertAt,
    String signalId,
    AlarmCategory category,
    boolean humanInitiated,
    boolean maintenanceWindow,
    String unitName)
    implements AlarmEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public AlarmRaised {
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(firstAlertAt, "firstAlertAt");
    Objects.requireNonNull(signalId, "signalId");
    Objects.requireNonNull(category, "category");
    if (category == AlarmCategory.FIRE && source == null) {
      throw new IllegalArgumentException("a fire alarm names the source of its first signal");
    }
  }
}
