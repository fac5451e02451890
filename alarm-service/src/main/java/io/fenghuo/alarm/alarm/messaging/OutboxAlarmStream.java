package io.fenghuo.alarm.alarm.messaging;

import io.fenghuo.alarm.alarm.AlarmStream;
import io.fenghuo.contracts.alarm.AlarmEvent;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.kafka.EventJson;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records alarm-stream events as application events inside the change's transaction; the event
 * publication registry writes each to {@code event_publication} before commit.
 */
@Component
class OutboxAlarmStream implements AlarmStream {

  private final ApplicationEventPublisher events;

  OutboxAlarmStream(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void emit(OperatorId operator, AlarmEvent event, Instant at) {
    events.publishEvent(
        new AlarmStreamRecord(
            operator.value(),
            UUID.randomUUID().toString(),
            EventType.of(event).wireName(),
            at.toString(),
            EventJson.mapper().writeValueAsString(event)));
  }
}
