package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Poll (status read) records (port). */
public interface Polls {

  void insert(PollRecord poll);

  /** The poll of a command, locked. */
  Optional<PollRecord> lockByCommand(String commandId);

  /** Records how it ended. */
  void complete(PollRecord poll, String outcome, Integer attempts, String detail, Instant at);

  /** Pending polls past their due time, locked, skipping those others hold. */
  List<PollRecord> lockExpired(Instant now, int limit);

  /**
   * Whether a system state read of this system was requested since {@code since} and is pending or
   * ended after {@code answeredSince}: a system state arriving now is that read's answer.
   */
  boolean systemReadRecent(
      OperatorId operator,
      DeviceAddress device,
      int systemType,
      int systemAddress,
      Instant since,
      Instant answeredSince);
}
