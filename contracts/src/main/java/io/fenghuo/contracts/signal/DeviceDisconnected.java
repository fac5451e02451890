package io.fenghuo.contracts.signal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.DeviceAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A UITD's TCP session ended.
 *
 * @param device the UITD; never null
 * @param gateway the gateway instance that held the connection; never null
 * @param reason why it ended; never null
 * @param detail a human-readable detail (the error message), or null
 * @param connectedAt when the session had been established; never null
 * @param disconnectedAt when it ended; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceDisconnected(
    DeviceAddress device,
    String gateway,
    DisconnectReason reason,
    String detail,
    Instant connectedAt,
    Instant disconnectedAt)
    implements DeviceSignal {

  /**
   * @throws NullPointerException if a required field is null
   */
  public DeviceDisconnected {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(disconnectedAt, "disconnectedAt");
  }
}
