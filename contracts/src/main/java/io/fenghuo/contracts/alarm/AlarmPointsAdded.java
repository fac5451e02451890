package io.fenghuo.contracts.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;
import java.util.List;
import java.util.Objects;

/**
 * Further points of the same unit joined an open alarm within the grouping window, instead of
 * opening alarms of their own.
 *
 * @param alarmId the alarm; never null
 * @param unit the unit; null only if the device was never bound to a unit
 * @param points the points that joined; never null, at least one
 * @param pointCount how many distinct points the alarm has now, the first included
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmPointsAdded(
    AlarmId alarmId, UnitId unit, List<AlarmPoint> points, int pointCount) implements AlarmEvent {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if no point is given or the count is below 2
   */
  public AlarmPointsAdded {
    Objects.requireNonNull(alarmId, "alarmId");
    points = List.copyOf(Objects.requireNonNull(points, "points"));
    if (points.isEmpty()) {
      throw new IllegalArgumentException("points-added needs at least one point");
    }
    if (pointCount < 2) {
      throw new IllegalArgumentException("an alarm with added points has at least 2 points");
    }
  }
}
