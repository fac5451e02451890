package io.fenghuo.starter.kafka;

import io.fenghuo.contracts.topic.TopicName;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.starter.FenghuoProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Poison-message policy (ARCHITECTURE.md §6): a record whose processing fails is retried a bounded
 * number of times with exponential back-off, then published to its topic's dead-letter topic inside
 * the same tenant namespace ({@code <topic>.dlt}) with the error in headers, counted in {@code
 * fenghuo.kafka.dead.letters} and logged at ERROR so an alert fires. Records that cannot be
 * deserialized are dead-lettered at once: retrying cannot fix them. The partition moves on either
 * way.
 *
 * <p>Listener containers get the policy from {@link #errorHandler}; a plain {@code KafkaConsumer}
 * (outside a container, so the error handler cannot be attached) writes its dead letters with a
 * {@link Writer}, which produces the same record, headers, counter and log line.
 */
public final class DeadLetters {

  /** Header of a dead letter naming why it failed: {@code ExceptionClass: message}. */
  public static final String REASON_HEADER = "fenghuo_dlt-reason";

  /** Counter of dead letters written, tagged with the source {@code topic}. */
  public static final String COUNTER = "fenghuo.kafka.dead.letters";

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
              count(meters, record.topic());
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

  private static void count(MeterRegistry meters, String topic) {
    Counter.builder(COUNTER)
        .description("Records moved to a dead-letter topic")
        .tag("topic", topic)
        .register(meters)
        .increment();
  }

  /**
   * The dead letter of a record, as a plain consumer writes it: the original key, value and headers
   * (bytes as read) to {@link #deadLetterTopicOf} the source topic, plus {@value #REASON_HEADER}
   * and Spring Kafka's {@code kafka_dlt-original-topic/-partition/-offset} and {@code
   * kafka_dlt-exception-fqcn} headers (the same names and encodings as the listener containers'
   * dead letters).
   *
   * @param source where the record was read; not null
   * @param offset its offset
   * @param key the raw key, or null
   * @param value the raw value, or null
   * @param headers the record's headers, copied; may be null
   * @param error why it is dead-lettered; not null
   * @return the record to produce with a {@code byte[]} producer
   */
  public static ProducerRecord<byte[], byte[]> deadLetterOf(
      TopicPartition source,
      long offset,
      byte[] key,
      byte[] value,
      Headers headers,
      Throwable error) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(error, "error");
    Throwable reason = reason(error);
    RecordHeaders out = new RecordHeaders(headers == null ? null : headers.toArray());
    out.add(REASON_HEADER, describe(error).getBytes(StandardCharsets.UTF_8));
    out.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, source.topic().getBytes(StandardCharsets.UTF_8));
    out.add(
        KafkaHeaders.DLT_ORIGINAL_PARTITION,
        ByteBuffer.allocate(Integer.BYTES).putInt(source.partition()).array());
    out.add(
        KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
    out.add(
        KafkaHeaders.DLT_EXCEPTION_FQCN,
        reason.getClass().getName().getBytes(StandardCharsets.UTF_8));
    return new ProducerRecord<>(deadLetterTopicOf(source.topic()), null, null, key, value, out);
  }

  /**
   * Writes dead letters for a consumer that is not a Spring listener container. Each {@link #write}
   * logs at ERROR, produces the record of {@link #deadLetterOf} and waits for Kafka's
   * acknowledgement; only then is {@value #COUNTER} incremented. The caller decides what to do if
   * the write failed (a consumer should stay on the record and try again rather than skip it).
   *
   * <p>Thread-safe if the producer is; the producer stays the caller's (not closed here).
   */
  public static final class Writer {

    private final Producer<byte[], byte[]> producer;
    private final MeterRegistry meters;
    private final Duration timeout;

    /**
     * @param producer a {@code byte[]} producer, ideally {@code acks=all} and idempotent; not null
     * @param meters where the counter lives; not null
     * @param timeout how long a write waits for Kafka's acknowledgement; not null
     */
    public Writer(Producer<byte[], byte[]> producer, MeterRegistry meters, Duration timeout) {
      this.producer = Objects.requireNonNull(producer, "producer");
      this.meters = Objects.requireNonNull(meters, "meters");
      this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Dead-letters a record the consumer could not deserialize (its raw bytes and headers, the
     * deserializer's failure as the reason).
     *
     * @return true once Kafka acknowledged the dead letter; false if it could not be written
     */
    public boolean write(RecordDeserializationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return write(
          e.topicPartition(),
          e.offset(),
          bytes(e.keyBuffer()),
          bytes(e.valueBuffer()),
          e.headers(),
          cause);
    }

    /**
     * Dead-letters one record (see {@link #deadLetterOf}).
     *
     * @return true once Kafka acknowledged the dead letter; false if it could not be written
     *     (logged; not counted)
     */
    public boolean write(
        TopicPartition source,
        long offset,
        byte[] key,
        byte[] value,
        Headers headers,
        Throwable error) {
      ProducerRecord<byte[], byte[]> letter =
          deadLetterOf(source, offset, key, value, headers, error);
      log.error(
          "Dead-lettering record {}-{}@{} to {}: {}",
          source.topic(),
          source.partition(),
          offset,
          letter.topic(),
          describe(error));
      try {
        producer.send(letter).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException | RuntimeException failed) {
        log.error("Could not dead-letter {}@{}", source, offset, failed);
        return false;
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return false;
      }
      count(meters, source.topic());
      return true;
    }

    private static byte[] bytes(ByteBuffer buffer) {
      if (buffer == null) {
        return null;
      }
      ByteBuffer copy = buffer.duplicate();
      byte[] out = new byte[copy.remaining()];
      copy.get(out);
      return out;
    }
  }
}
