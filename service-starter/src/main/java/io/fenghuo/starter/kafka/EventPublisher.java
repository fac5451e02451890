package io.fenghuo.starter.kafka;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.TopicName;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes events as CloudEvents to a topic built by {@code TopicNames}, keyed by the event's key,
 * with this service instance as {@code ce_source}. The returned future completes when Kafka has
 * acknowledged the record ({@code acks=all}).
 */
public final class EventPublisher {

  private final KafkaOperations<String, EventEnvelope<?>> kafka;
  private final URI source;

  /**
   * @param kafka a template with the CloudEvents serializer
   * @param source this instance's CloudEvents source, e.g. {@code /fenghuo/alarm-service/host-1}
   */
  public EventPublisher(KafkaOperations<String, EventEnvelope<?>> kafka, URI source) {
    this.kafka = Objects.requireNonNull(kafka, "kafka");
    this.source = Objects.requireNonNull(source, "source");
  }

  /** This instance's CloudEvents source. */
  public URI source() {
    return source;
  }

  /**
   * Wraps an event with a fresh random id, the given time and this instance as source.
   *
   * @throws NullPointerException if the time or data is null
   */
  public <T extends FenghuoEvent> EventEnvelope<T> envelope(
      OperatorId operator, Instant time, T data) {
    return new EventEnvelope<>(UUID.randomUUID().toString(), source, time, operator, data);
  }

  /**
   * Sends an envelope.
   *
   * @return completes with the record's metadata once Kafka acknowledged it, or exceptionally
   * @throws IllegalArgumentException if the event's type belongs on another stream than the topic's
   */
  public CompletableFuture<SendResult<String, EventEnvelope<?>>> publish(
      TopicName topic, EventEnvelope<?> envelope) {
    if (envelope.type().stream() != topic.stream()) {
      throw new IllegalArgumentException(
          envelope.type().wireName()
              + " belongs on stream "
              + envelope.type().stream()
              + ", not on "
              + topic);
    }
    return kafka.send(topic.toString(), envelope.key(), envelope);
  }
}
