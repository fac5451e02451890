package io.fenghuo.starter.kafka;

import io.fenghuo.contracts.topic.TopicName;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.starter.FenghuoProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Poison-message policy (ARCHITECTURE.md §6): a record whose processing fails is retried a bounded
 * number of times with exponential back-off, then published to its topic's dead-letter topic inside
 * the same tenant namespace ({@code <topic>.dlt}) with the error in headers, counted in {@code
 * fenghuo.kafka.dead.letters} and logged at ERROR so an alert fires. Records that cannot be
 * deserialized are dead-lettered at once: retrying cannot fix them. The partition moves on either
 * way.
 */
public final class DeadLetters {

  /** Header of a dead letter naming why it failed: {@code ExceptionClass: message}. */
  public static final String REASON_HEADER = "fenghuo_dlt-reason";

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private DeadLetters() {}

  /**
   * The dead-letter topic of a source topic: the Fenghuo {@code .dlt} topic in the same namespace,
   * or {@code <topic>.dlt} for a topic outside the platform's naming.
   */
  public static String deadLetterTopicOf(String topic) {
    return TopicNames.parse(topic)
        .map(TopicName::deadLetterTopic)
        .map(TopicName::toString)
        .orElse(topic + TopicName.DEAD_LETTER_SUFFIX);
  }

  /**
   * The error handler for every listener container of a service.
   *
   * @param templates the templates that can republish a failed record, by value type: one for
   *     {@code byte[]} (records that failed deserialization keep their raw bytes) and one for event
   *     envelopes
   */
  public static DefaultErrorHandler errorHandler(
      Map<Class<?>, KafkaOperations<?, ?>> templates,
      FenghuoProperties.Kafka settings,
      MeterRegistry meters) {
    DeadLetterPublishingRecoverer publisher =
        new DeadLetterPublishingRecoverer(
            templates,
            (record, error) -> new TopicPartition(deadLetterTopicOf(record.topic()), -1));
    // The container's own exception message hides the reason an operator needs to read.
    publisher.setHeadersFunction(
        (record, error) ->
            new RecordHeaders()
                .add(REASON_HEADER, describe(error).getBytes(StandardCharsets.UTF_8)));
    ExponentialBackOff backOff =
        new ExponentialBackOff(settings.initialBackOff().toMillis(), settings.multiplier());
    backOff.setMaxInterval(settings.maxBackOff().toMillis());
    backOff.setMaxAttempts(settings.retries());
    DefaultErrorHandler handler =
        new DefaultErrorHandler(
            (ConsumerRecord<?, ?> record, Exception error) -> {
              String target = deadLetterTopicOf(record.topic());
              log.error(
                  "Dead-lettering record {}-{}@{} to {}: {}",
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  target,
                  describe(error));
              publisher.accept(record, error);
              Counter.builder("fenghuo.kafka.dead.letters")
                  .description("Records moved to a dead-letter topic")
                  .tag("topic", record.topic())
                  .register(meters)
                  .increment();
            },
            backOff);
    handler.addNotRetryableExceptions(DeserializationException.class, SerializationException.class);
    return handler;
  }

  /**
   * The failure as the application saw it: the first exception in the chain that is not the
   * listener container's own wrapper ("failed to deserialize", "Listener failed").
   */
  static Throwable reason(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null
        && t.getCause() != t
        && t.getClass().getName().startsWith("org.springframework.kafka.")) {
      t = t.getCause();
    }
    return t;
  }

  private static String describe(Throwable error) {
    Throwable reason = reason(error);
    return reason.getClass().getSimpleName() + ": " + reason.getMessage();
  }
}
