package io.fenghuo.contracts.signal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.DeviceAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A system, component or UITD reported its state (types 1, 2, 21). Carries the full state, not a
 * delta: consumers compare with what they hold. Fire bits are also published as {@link
 * FireAlarmRaised} on the priority lane; this record still lists them so the status board is
 * complete.
 *
 * @param device the reporting UITD; never null
 * @param source which state this is; never null
 * @param point the system or component; null for {@link StatusSource#UITD}
 * @param flags the conditions that hold; never null, may be empty (normal)
 * @param rawState the state field as sent (16 bits; 8 for the UITD), kept for audit
 * @param description the component description, trimmed; null if none
 * @param occurredAt the object's time label, null when invalid
 * @param receivedAt when the gateway received the frame; never null
 * @param frameSerial the frame's serial number, 0–65535
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusChanged(
    DeviceAddress device,
    StatusSource source,
    PointRef point,
    Set<StateFlag> flags,
    int rawState,
    String description,
    Instant occurredAt,
    Instant receivedAt,
    int frameSerial)
    implements DeviceSignal {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the serial or raw state is out of range
   */
  public StatusChanged {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(receivedAt, "receivedAt");
    flags = Set.copyOf(Objects.requireNonNull(flags, "flags"));
    if (rawState < 0 || rawState > 0xFFFF) {
      throw new IllegalArgumentException("raw state " + rawState + " is out of range 0..65535");
    }
    Signals.requireSerial(frameSerial);
  }
}
