package io.fenghuo.unit.archive.messaging;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicName;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.starter.kafka.EventPublisher;
import io.fenghuo.unit.archive.ArchiveSnapshot;
import io.fenghuo.unit.archive.UnitArchive;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes a unit's current archive to its operator's compacted unit topic after each committed
 * change, and returns only once Kafka acknowledged the record: only then does the event publication
 * registry mark the outbox record complete. A failed or interrupted publication stays incomplete
 * and is published again on restart ({@code
 * spring.modulith.events.republish-outstanding-events-on-restart}).
 *
 * <p>It publishes the state current at publication time, not the state of the change: then the last
 * record of a unit is its current state even when publications overlap, and a republished change
 * repeats the same record. Records carry a CloudEvent id derived from unit and version, so a
 * republication after an acknowledged-but-unrecorded send is dropped by idempotent consumers. It
 * runs on a single thread, in commit order, so a unit's records are in version order.
 */
@Component
public class UnitStreamPublisher {

  private static final Logger log = LoggerFactory.getLogger(UnitStreamPublisher.class);

  private final UnitArchive archive;
  private final EventPublisher publisher;
  private final KafkaOperations<String, Object> kafka;
  private final UnitTopics topics;
  private final Duration ackTimeout;
  private final MeterRegistry meters;

  @SuppressWarnings("unchecked")
  UnitStreamPublisher(
      UnitArchive archive,
      EventPublisher publisher,
      KafkaTemplate<?, ?> kafka,
      UnitTopics topics,
      MeterRegistry meters,
      @Value("${fenghuo.unit.stream.ack-timeout:15s}") Duration ackTimeout) {
    this.archive = archive;
    this.publisher = publisher;
    this.kafka = (KafkaOperations<String, Object>) kafka;
    this.topics = topics;
    this.meters = meters;
    this.ackTimeout = ackTimeout;
  }

  /**
   * Publishes the unit's state (or a tombstone, if the unit is gone or has moved to another
   * operator) for a committed change.
   *
   * @throws Exception if Kafka did not acknowledge in time; the publication then stays incomplete
   */
  @Async(UnitStreamConfiguration.EXECUTOR)
  @TransactionalEventListener
  public void on(UnitStreamChange change) throws Exception {
    OperatorId operator = OperatorId.of(change.operator());
    UnitId unit = UnitId.of(change.unit());
    TopicName topic = TopicNames.of(operator, Stream.UNIT);
    topics.ensure(topic);
    Optional<ArchiveSnapshot> snapshot =
        archive.snapshot(unit).filter(s -> s.unit().operator().equals(operator));
    if (snapshot.isPresent()) {
      UnitArchiveChanged event = UnitSnapshots.toEvent(snapshot.get());
      EventEnvelope<UnitArchiveChanged> envelope =
          new EventEnvelope<>(
              eventId(unit, event.version()),
              publisher.source(),
              event.changedAt(),
              operator,
              event);
      publisher.publish(topic, envelope).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
      meters.counter("fenghuo.unit.stream.published", "kind", "snapshot").increment();
      log.debug("published unit {} version {} to {}", unit, event.version(), topic);
    } else {
      // A tombstone: compaction then forgets the unit; consumers drop it from their read models.
      kafka
          .send(topic.toString(), unit.value(), null)
          .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
      meters.counter("fenghuo.unit.stream.published", "kind", "tombstone").increment();
      log.debug("published tombstone of unit {} to {}", unit, topic);
    }
  }

  /** The same unit version always gets the same CloudEvent id. */
  static String eventId(UnitId unit, long version) {
    return UUID.nameUUIDFromBytes(
            ("unit/" + unit.value() + "/" + version).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
