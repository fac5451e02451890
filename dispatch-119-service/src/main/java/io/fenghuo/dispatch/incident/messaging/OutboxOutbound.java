package io.fenghuo.dispatch.incident.messaging;

import io.fenghuo.contracts.dispatch.CommunicationTestSent;
import io.fenghuo.contracts.dispatch.DispatchEvent;
import io.fenghuo.contracts.dispatch.IncidentReported;
import io.fenghuo.contracts.dispatch.IncidentWithdrawn;
import io.fenghuo.contracts.dispatch.ReceiptIssued;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.kafka.EventJson;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicName;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.dispatch.incident.Outbound;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records outgoing events as application events. Published inside the step's transaction, each is
 * written to the event publication registry (table {@code event_publication}) before commit: the
 * step and its pending publications commit together or not at all.
 */
@Component
class OutboxOutbound implements Outbound {

  private final ApplicationEventPublisher events;

  OutboxOutbound(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void toCentre(IncidentReported incident) {
    publish(
        TopicNames.of(Stream.INCIDENT),
        incidentEventId(incident),
        incident.sentAt(),
        incident.operatorId(),
        incident);
  }

  @Override
  public void toCentre(IncidentWithdrawn withdrawal) {
    publish(
        TopicNames.of(Stream.INCIDENT),
        UUID.randomUUID().toString(),
        withdrawal.withdrawnAt(),
        withdrawal.operatorId(),
        withdrawal);
  }

  @Override
  public void toCentre(CommunicationTestSent test) {
    publish(
        TopicNames.of(Stream.INCIDENT), UUID.randomUUID().toString(), test.sentAt(), null, test);
  }

  @Override
  public void receipt(ReceiptIssued receipt) {
    publish(
        TopicNames.of(Stream.RECEIPT),
        UUID.randomUUID().toString(),
        receipt.issuedAt(),
        null,
        receipt);
  }

  @Override
  public void toOperator(OperatorId operator, DispatchEvent event) {
    publish(
        TopicNames.of(operator, Stream.DISPATCH),
        UUID.randomUUID().toString(),
        Instant.now(),
        operator,
        event);
  }

  private void publish(
      TopicName topic, String eventId, Instant time, OperatorId operator, FenghuoEvent data) {
    String type = EventType.of(data).wireName();
    String op = operator == null ? null : operator.value();
    String json = EventJson.mapper().writeValueAsString(data);
    events.publishEvent(
        topic.operatorId().isPresent()
            ? new OperatorRecord(topic.toString(), eventId, type, time.toString(), op, json)
            : new CentreRecord(topic.toString(), eventId, type, time.toString(), op, json));
  }

  /**
   * One send of one incident revision always has the same id, so a copy republished after a crash
   * is recognisable as the same record.
   */
  static String incidentEventId(IncidentReported incident) {
    return UUID.nameUUIDFromBytes(
            ("119-incident/"
                    + incident.incidentId()
                    + "/"
                    + incident.revision()
                    + "/"
                    + incident.attempt())
                .getBytes(StandardCharsets.US_ASCII))
        .toString();
  }
}
