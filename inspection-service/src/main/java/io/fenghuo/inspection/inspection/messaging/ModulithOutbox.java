package io.fenghuo.inspection.inspection.messaging;

import io.fenghuo.contracts.command.DeviceCommandRequested;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.fault.FaultEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.kafka.EventJson;
import io.fenghuo.inspection.inspection.Outbox;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records fault events and device commands as application events inside the change's transaction;
 * the event publication registry writes each to {@code event_publication} before commit.
 */
@Component
class ModulithOutbox implements Outbox {

  private final ApplicationEventPublisher events;

  ModulithOutbox(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void emit(OperatorId operator, FaultEvent event, Instant at) {
    record(operator, event, at);
  }

  @Override
  public void command(OperatorId operator, DeviceCommandRequested command, Instant at) {
    record(operator, command, at);
  }

  private void record(OperatorId operator, FenghuoEvent event, Instant at) {
    events.publishEvent(
        new OutboxRecord(
            operator.value(),
            UUID.randomUUID().toString(),
            EventType.of(event).wireName(),
            at.toString(),
            EventJson.mapper().writeValueAsString(event)));
  }
}
