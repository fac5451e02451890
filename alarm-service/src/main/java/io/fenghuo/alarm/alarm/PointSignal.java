package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.signal.FireAlarmSource;
import io.fenghuo.contracts.signal.PointRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A signal that raises or extends an alarm, as the receipt understands it: a fire alarm from the
 * priority lane, or a supervisory state from the status stream.
 *
 * @param eventId the signal's CloudEvent id; never null
 * @param device the UITD; never null
 * @param category fire or supervisory; never null
 * @param source the fire alarm's information object; null for a supervisory signal
 * @param point the system or component; null when the UITD itself reported
 * @param occurredAt the device's time label, or null when invalid
 * @param receivedAt when the gateway received it; never null
 */
public record PointSignal(
    String eventId,
    DeviceAddress device,
    AlarmCategory category,
    FireAlarmSource source,
    PointRef point,
    Instant occurredAt,
    Instant receivedAt) {

  public PointSignal {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** When it happened: the time label, or the receipt time if the label was invalid. */
  public Instant at() {
    return occurredAt != null ? occurredAt : receivedAt;
  }

  /** Whether a person raised it. */
  public boolean humanInitiated() {
    return source != null && source.humanInitiated();
  }

  /**
   * The identity of the point within its unit: the same component reporting again is the same point
   * (its count goes up), never a second one.
   */
  public String pointKey() {
    return pointKey(device, point, source);
  }

  /** See {@link #pointKey()}. */
  public static String pointKey(DeviceAddress device, PointRef point, FireAlarmSource source) {
    if (point == null) {
      return device + "/uitd/" + (source == null ? "state" : source.name());
    }
    return device
        + "/"
        + point.systemType()
        + "."
        + point.systemAddress()
        + (point.componentType() == null
            ? ""
            : "/" + point.componentType() + "." + point.componentAddress());
  }
}
