package io.fenghuo.contracts.signal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.DeviceAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A fire alarm reported by a UITD: the fire bit of a system or component state (types 1 and 2), a
 * manual alarm operation (types 4 and 24, bit 2), or the UITD's own fire state (type 21). Travels
 * on the priority lane {@code signal.alarm}.
 *
 * @param device the reporting UITD; never null
 * @param source which information object carried the alarm; never null
 * @param point the system or component, null when the UITD itself reports ({@link
 *     FireAlarmSource#UITD_STATE}, {@link FireAlarmSource#UITD_MANUAL_ALARM})
 * @param description the component description (部件说明), trimmed; null if the object has none
 * @param occurredAt the object's time label, null when the device sent an invalid one
 * @param receivedAt when the gateway received the frame; never null
 * @param frameSerial the frame's serial number (业务流水号), 0–65535
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FireAlarmRaised(
    DeviceAddress device,
    FireAlarmSource source,
    PointRef point,
    String description,
    Instant occurredAt,
    Instant receivedAt,
    int frameSerial)
    implements DeviceSignal {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the serial is out of range
   */
  public FireAlarmRaised {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Signals.requireSerial(frameSerial);
  }

  /** Whether a person raised this alarm (manual call point or UITD button), not a detector. */
  public boolean humanInitiated() {
    return source.humanInitiated();
  }
}
