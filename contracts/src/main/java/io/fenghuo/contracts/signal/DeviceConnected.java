package io.fenghuo.contracts.signal;

import io.fenghuo.contracts.id.DeviceAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A UITD's TCP session was established and its address learned from its first valid frame.
 *
 * @param device the UITD; never null
 * @param gateway the gateway instance holding the connection (commands are routed there); never
 *     null
 * @param remoteAddress the peer's IP address and port; never null
 * @param connectedAt when the session was established; never null
 */
public record DeviceConnected(
    DeviceAddress device, String gateway, String remoteAddress, Instant connectedAt)
    implements DeviceSignal {

  /**
   * @throws NullPointerException if a field is null
   */
  public DeviceConnected {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(connectedAt, "connectedAt");
  }
}
