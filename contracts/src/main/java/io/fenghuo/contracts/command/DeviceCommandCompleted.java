package io.fenghuo.contracts.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.DeviceAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A downlink command ended, on {@code device.command-result}.
 *
 * @param commandId the id of the {@link DeviceCommandRequested}; never blank
 * @param device the UITD; never null
 * @param kind what was asked; never null
 * @param outcome how it ended; never null
 * @param attempts how many times the frame was sent (0 if it never was)
 * @param gateway the gateway instance that executed it, or null if none did
 * @param detail a human-readable detail, or null
 * @param completedAt when the outcome was known; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceCommandCompleted(
    String commandId,
    DeviceAddress device,
    CommandKind kind,
    CommandOutcome outcome,
    int attempts,
    String gateway,
    String detail,
    Instant completedAt)
    implements FenghuoEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public DeviceCommandCompleted {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(completedAt, "completedAt");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative: " + attempts);
    }
  }

  @Override
  public String key() {
    return device.toString();
  }
}
