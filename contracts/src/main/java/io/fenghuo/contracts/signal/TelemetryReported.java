package io.fenghuo.contracts.signal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.DeviceAddress;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Telemetry from a UITD: heartbeats, analog values, software versions, configuration and clocks
 * (types 3, 5–8, 25, 26, 28). Travels on {@code signal.telemetry}, batched.
 *
 * @param device the reporting UITD; never null
 * @param kind what this carries; never null
 * @param point the system or component it concerns; null for UITD-level telemetry
 * @param analog the reading for {@link TelemetryKind#ANALOG_VALUE}, else null
 * @param text version ("1.2") or configuration text, else null
 * @param deviceClock the reported clock for {@link TelemetryKind#CLOCK} (device local time), else
 *     null
 * @param occurredAt the object's time label, null when the type has none or it was invalid
 * @param receivedAt when the gateway received the frame; never null
 * @param frameSerial the frame's serial number, 0–65535
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelemetryReported(
    DeviceAddress device,
    TelemetryKind kind,
    PointRef point,
    AnalogReading analog,
    String text,
    LocalDateTime deviceClock,
    Instant occurredAt,
    Instant receivedAt,
    int frameSerial)
    implements DeviceSignal {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the serial is out of range or an analog value lacks its
   *     reading
   */
  public TelemetryReported {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (kind == TelemetryKind.ANALOG_VALUE && analog == null) {
      throw new IllegalArgumentException("an analog value telemetry needs its reading");
    }
    Signals.requireSerial(frameSerial);
  }
}
