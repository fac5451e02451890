package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.signal.StatusSource;
import java.time.Instant;
import java.util.Set;

/**
 * The last reported state of one object of a UITD.
 *
 * @param point the system or component; null for the UITD
 * @param occurredAt the device's time label, or null
 * @param receivedAt the gateway's receipt time
 */
public record PointState(
    DeviceAddress device,
    StatusSource source,
    PointRef point,
    Set<StateFlag> flags,
    int rawState,
    String description,
    Instant occurredAt,
    Instant receivedAt) {

  /** The board key of the object. */
  public String objectKey() {
    return ObjectKey.of(source, point);
  }
}
