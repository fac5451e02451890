package io.fenghuo.dispatch.incident.messaging;

import io.fenghuo.contracts.dispatch.CommunicationTestSent;
import io.fenghuo.contracts.dispatch.ForwardPath;
import io.fenghuo.contracts.dispatch.IncidentReported;
import io.fenghuo.contracts.dispatch.IncidentWithdrawn;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.kafka.EventJson;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.dispatch.incident.CommunicationTesting;
import io.fenghuo.dispatch.incident.Dispatch;
import io.fenghuo.starter.kafka.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends each committed outbox record to Kafka and returns only once Kafka acknowledged it: only
 * then does the event publication registry mark the record complete. A failed or interrupted send
 * stays incomplete and is sent again (on restart, and by the periodic resubmission). The
 * acknowledgement of an incident is recorded on its timeline as a forward on the Kafka path.
 */
@Component
class KafkaRelay {

  private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);

  private final EventPublisher publisher;
  private final Dispatch dispatch;
  private final CommunicationTesting testing;
  private final Duration ackTimeout;

  KafkaRelay(
      EventPublisher publisher,
      Dispatch dispatch,
      CommunicationTesting testing,
      @Value("${fenghuo.dispatch.kafka-ack-timeout:10s}") Duration ackTimeout) {
    this.publisher = publisher;
    this.dispatch = dispatch;
    this.testing = testing;
    this.ackTimeout = ackTimeout;
  }

  /**
   * Publishes a committed record for the 119 centre, on the 119 lane.
   *
   * @throws Exception if Kafka did not acknowledge in time; the publication stays incomplete
   */
  @Async(RelayConfiguration.CENTRE)
  @TransactionalEventListener
  public void onCentre(CentreRecord record) throws Exception {
    send(record);
  }

  /**
   * Publishes a committed record for an operator, on the operator lane.
   *
   * @throws Exception if Kafka did not acknowledge in time; the publication stays incomplete
   */
  @Async(RelayConfiguration.OPERATOR)
  @TransactionalEventListener
  public void onOperator(OperatorRecord record) throws Exception {
    send(record);
  }

  private void send(OutboundRecord record) throws Exception {
    EventEnvelope<FenghuoEvent> envelope = envelope(record, publisher);
    var result =
        publisher
            .publish(TopicNames.parseRequired(record.topic()), envelope)
            .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    Instant ackedAt = dispatch.clock().instant();
    String where =
        record.topic()
            + " partition "
            + result.getRecordMetadata().partition()
            + " offset "
            + result.getRecordMetadata().offset();
    try {
      if (envelope.data() instanceof IncidentReported incident) {
        dispatch.forwarded(
            incident.incidentId(),
            incident.revision(),
            incident.attempt(),
            ForwardPath.KAFKA,
            ackedAt,
            where);
      } else if (envelope.data() instanceof IncidentWithdrawn withdrawal) {
        dispatch.forwarded(
            withdrawal.incidentId(), withdrawal.revision(), 1, ForwardPath.KAFKA, ackedAt, where);
      } else if (envelope.data() instanceof CommunicationTestSent test) {
        testing.path(test.testId(), ForwardPath.KAFKA, true, where, ackedAt);
      }
    } catch (RuntimeException e) {
      // The record is on Kafka: completing the publication matters more than the timeline entry,
      // which a resend would duplicate on the topic.
      log.error(
          "{} {} was published but could not be recorded", record.type(), record.eventId(), e);
    }
  }

  static EventEnvelope<FenghuoEvent> envelope(OutboundRecord record, EventPublisher publisher) {
    EventType type =
        EventType.fromWireName(record.type())
            .orElseThrow(() -> new IllegalStateException("unknown type " + record.type()));
    FenghuoEvent data = EventJson.mapper().readValue(record.data(), type.recordClass());
    return new EventEnvelope<>(
        record.eventId(),
        publisher.source(),
        Instant.parse(record.time()),
        record.operator() == null ? null : OperatorId.of(record.operator()),
        data);
  }
}
