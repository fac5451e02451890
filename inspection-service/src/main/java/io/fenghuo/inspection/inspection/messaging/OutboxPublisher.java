package io.fenghuo.inspection.inspection.messaging;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.kafka.EventJson;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.starter.kafka.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes committed outbox records to the operator's topic of their type's stream ({@code fault}
 * or {@code device.command}) and returns only once Kafka acknowledged: only then does the registry
 * mark the record complete. A failed publication stays incomplete; it is resubmitted after {@code
 * fenghuo.inspection.stream.resubmit-after} while the service runs, and on the next start.
 */
@Component
public class OutboxPublisher {

  private final EventPublisher publisher;
  private final Duration ackTimeout;
  private final Duration resubmitAfter;
  private final IncompleteEventPublications incomplete;
  private final MeterRegistry meters;

  OutboxPublisher(
      EventPublisher publisher,
      IncompleteEventPublications incomplete,
      MeterRegistry meters,
      @Value("${fenghuo.inspection.stream.ack-timeout:15s}") Duration ackTimeout,
      @Value("${fenghuo.inspection.stream.resubmit-after:60s}") Duration resubmitAfter) {
    this.publisher = publisher;
    this.incomplete = incomplete;
    this.meters = meters;
    this.ackTimeout = ackTimeout;
    this.resubmitAfter = resubmitAfter;
  }

  /**
   * Sends one record.
   *
   * @throws Exception if Kafka did not acknowledge in time; the publication stays incomplete
   */
  @Async(OutboxConfiguration.EXECUTOR)
  @TransactionalEventListener
  public void on(OutboxRecord record) throws Exception {
    EventType type =
        EventType.fromWireName(record.type())
            .orElseThrow(() -> new IllegalStateException("unknown type " + record.type()));
    FenghuoEvent data = EventJson.mapper().readValue(record.data(), type.recordClass());
    OperatorId operator = OperatorId.of(record.operator());
    EventEnvelope<FenghuoEvent> envelope =
        new EventEnvelope<>(
            record.eventId(), publisher.source(), Instant.parse(record.time()), operator, data);
    publisher
        .publish(TopicNames.of(operator, type.stream()), envelope)
        .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    meters.counter("fenghuo.inspection.published", "type", record.type()).increment();
  }

  /** Sends again what failed while the service was running (Kafka away for a while). */
  @Scheduled(
      fixedDelayString = "${fenghuo.inspection.stream.resubmit-after:60s}",
      initialDelayString = "${fenghuo.inspection.stream.resubmit-after:60s}")
  public void resubmitFailed() {
    incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
  }
}
