package io.fenghuo.contracts.signal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.DeviceAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A UITD that no unit has bound (no device binding in the unit archive) sent a signal. The gateway
 * accepts and confirms such devices, but keeps their signals off the operational lanes and
 * publishes them here, on {@code signal.unregistered}, so that onboarding can see what the device
 * reports and bind it. The wrapped signal is the JSON data the device would have produced on its
 * lane.
 *
 * @param device the UITD; never null
 * @param signalType the wire name of the wrapped signal, e.g. {@code
 *     fenghuo.signal.fire-alarm-raised.v1}; never null
 * @param signal the wrapped signal's data as JSON; never null
 * @param gateway the gateway instance holding the connection; never null
 * @param remoteAddress the peer's IP address and port, or null if unknown
 * @param receivedAt when the gateway received the frame; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnregisteredDeviceReported(
    DeviceAddress device,
    String signalType,
    Map<String, Object> signal,
    String gateway,
    String remoteAddress,
    Instant receivedAt)
    implements FenghuoEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public UnregisteredDeviceReported {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(signalType, "signalType");
    signal = Map.copyOf(Objects.requireNonNull(signal, "signal"));
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  @Override
  public String key() {
    return device.toString();
  }
}
