package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.command.CommandKind;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;

/**
 * One read command sent to a UITD and how it ended.
 *
 * @param commandId the command id, echoed in the gateway's result
 * @param systemType for a system state read, else null
 * @param systemAddress for a system state read, else null
 * @param dueBy without a result by then, the poll is recorded as {@link #NO_RESULT}
 * @param outcome a {@code CommandOutcome} name, or {@link #NO_RESULT}; null while pending
 */
public record PollRecord(
    String commandId,
    Instant requestedAt,
    OperatorId operator,
    UnitId unit,
    DeviceAddress device,
    CommandKind kind,
    PollTrigger trigger,
    String requestedBy,
    Integer systemType,
    Integer systemAddress,
    Instant dueBy,
    Instant completedAt,
    String outcome,
    Integer attempts,
    String detail) {

  /** The outcome of a poll whose result never came. */
  public static final String NO_RESULT = "NO_RESULT";
}
