package io.fenghuo.gateway.uplink;

import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.signal.DeviceSignal;
import java.time.Instant;
import java.util.Objects;

/**
 * One signal made from one information object of a frame, with its deterministic event id.
 *
 * @param id the CloudEvents id ({@link io.fenghuo.contracts.event.EventIds#forDeviceObject})
 * @param time when the fact happened: the object's time label, else the receive time
 * @param data the signal
 */
public record NormalizedSignal(String id, Instant time, DeviceSignal data) {

  public NormalizedSignal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
  }

  public EventType type() {
    return EventType.of(data);
  }
}
