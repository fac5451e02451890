package io.fenghuo.contracts.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.PointRef;
import java.time.Instant;
import java.util.Objects;

/**
 * An alarm opened before its device's unit was known (the unit stream was still being read, or the
 * device was bound later) got its unit: the same alarm, now with the unit's grouping, point
 * locations, contacts and action plan. Views that saw the alarm raised refresh it; a view scoped to
 * the unit (its manager) hears of the alarm for the first time.
 *
 * @param alarmId the alarm; never null
 * @param unit the unit the device is bound to now; never null
 * @param device the device that raised the alarm; never null
 * @param unitName the unit's name from the archive, or null
 * @param category the alarm's category; never null
 * @param firstPoint the first point (首警), or null when the UITD itself reported
 * @param location the first point's location from the archive, or null
 * @param firstAlertAt when the first alert occurred; never null
 * @param maintenanceWindow whether the unit was in a declared test/maintenance window at the first
 *     alert
 * @param attachedAt when the unit was attached; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmUnitAttached(
    AlarmId alarmId,
    UnitId unit,
    DeviceAddress device,
    String unitName,
    AlarmCategory category,
    PointRef firstPoint,
    String location,
    Instant firstAlertAt,
    boolean maintenanceWindow,
    Instant attachedAt)
    implements AlarmEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public AlarmUnitAttached {
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(firstAlertAt, "firstAlertAt");
    Objects.requireNonNull(attachedAt, "attachedAt");
  }
}
