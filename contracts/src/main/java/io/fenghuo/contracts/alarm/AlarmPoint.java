package io.fenghuo.contracts.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.signal.FireAlarmSource;
import io.fenghuo.contracts.signal.PointRef;
import java.time.Instant;
import java.util.Objects;

/**
 * One point of an alarm as a signal reported it.
 *
 * @param device the reporting UITD; never null
 * @param source the information object of a fire signal; null for a supervisory point
 * @param point the system or component; null when the UITD itself reported
 * @param location the point's location from the unit archive, or null if unknown
 * @param occurredAt when the signal occurred (time label, or receipt time); never null
 * @param signalId the CloudEvent id of the signal; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlarmPoint(
    DeviceAddress device,
    FireAlarmSource source,
    PointRef point,
    String location,
    Instant occurredAt,
    String signalId) {

  /**
   * @throws NullPointerException if a required field is null
   */
  public AlarmPoint {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(signalId, "signalId");
  }
}
