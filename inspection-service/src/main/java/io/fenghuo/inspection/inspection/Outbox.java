package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.command.DeviceCommandRequested;
import io.fenghuo.contracts.fault.FaultEvent;
import io.fenghuo.contracts.id.OperatorId;
import java.time.Instant;

/**
 * What the service publishes (port): fault events and device commands. Recorded inside a
 * transaction, they are published only if it commits, and after a crash if it committed.
 */
public interface Outbox {

  /** Records a fault event for the operator's fault topic. */
  void emit(OperatorId operator, FaultEvent event, Instant at);

  /** Records a command for the operator's device command topic. */
  void command(OperatorId operator, DeviceCommandRequested command, Instant at);
}
