package io.fenghuo.contracts.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.DeviceAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A service asked for a downlink command to a UITD, on {@code device.command}. The gateway instance
 * holding the device's connection sends it with its own serial number, waits for the confirm or
 * response (GB/T 26875.3 §6.5: 10 s, 3 retries) and publishes a {@link DeviceCommandCompleted}.
 *
 * @param commandId the caller's id for the command, echoed in the result; never blank
 * @param device the UITD; never null
 * @param kind what to do; never null
 * @param systemType for facility reads: system type (table 4), 0–255, else null
 * @param systemAddress for facility reads: system address, 0–255, else null
 * @param componentAddress for component reads: component address, else null
 * @param recordCount for operation-record reads: how many records, 1–102, else null
 * @param since for operation-record reads: start time, else null
 * @param dutyCheckMinutes for {@link CommandKind#DUTY_CHECK}: how long the person on duty has to
 *     reply, 1–255 minutes, else null
 * @param requestedAt when the command was requested; never null
 * @param expiresAt after this moment the command is not sent any more, or null for no limit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceCommandRequested(
    String commandId,
    DeviceAddress device,
    CommandKind kind,
    Integer systemType,
    Integer systemAddress,
    Long componentAddress,
    Integer recordCount,
    Instant since,
    Integer dutyCheckMinutes,
    Instant requestedAt,
    Instant expiresAt)
    implements FenghuoEvent {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the command id is blank
   */
  public DeviceCommandRequested {
    Objects.requireNonNull(commandId, "commandId");
    if (commandId.isBlank()) {
      throw new IllegalArgumentException("command id must not be blank");
    }
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  @Override
  public String key() {
    return device.toString();
  }
}
