package io.fenghuo.contracts.signal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.DeviceAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Someone operated the facility panel (type 4) or the UITD (type 24): reset, silence, alarm
 * cleared, self-test, duty-check reply… A manual alarm operation is also published as {@link
 * FireAlarmRaised}.
 *
 * @param device the reporting UITD; never null
 * @param onUitd true for UITD operations (type 24), false for facility operations (type 4)
 * @param point the facility system for type 4; null for type 24
 * @param operations the operations recorded; never null
 * @param operatorNumber the operator number (操作员编号), 0–255
 * @param occurredAt the object's time label, null when invalid
 * @param receivedAt when the gateway received the frame; never null
 * @param frameSerial the frame's serial number, 0–65535
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationRecorded(
    DeviceAddress device,
    boolean onUitd,
    PointRef point,
    Set<OperationFlag> operations,
    int operatorNumber,
    Instant occurredAt,
    Instant receivedAt,
    int frameSerial)
    implements DeviceSignal {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if a number is out of range
   */
  public OperationRecorded {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(receivedAt, "receivedAt");
    operations = Set.copyOf(Objects.requireNonNull(operations, "operations"));
    if (operatorNumber < 0 || operatorNumber > 255) {
      throw new IllegalArgumentException(
          "operator number " + operatorNumber + " is out of range 0..255");
    }
    Signals.requireSerial(frameSerial);
  }
}
