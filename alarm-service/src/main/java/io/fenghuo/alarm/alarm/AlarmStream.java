package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.alarm.AlarmEvent;
import io.fenghuo.contracts.id.OperatorId;
import java.time.Instant;

/**
 * The alarm stream (port). Events emitted inside a transaction are published only if it commits,
 * and are published after a crash if it committed (the outbox).
 */
public interface AlarmStream {

  /** Records an event for publication on the operator's alarm topic. */
  void emit(OperatorId operator, AlarmEvent event, Instant at);
}
