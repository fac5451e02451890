package io.fenghuo.gateway.command;

import io.fenghuo.contracts.command.DeviceCommandRequested;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.kafka.CloudEventsDeserializer;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.starter.kafka.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the operator's {@code device.command} in the consumer group the gateway instances of the
 * operator share, hands every command to the {@link CommandRouter} and commits after the records of
 * a poll were routed (at least once; results are keyed by command id, so a redelivered command
 * publishes a result with the same event id).
 *
 * <p>Unreadable records follow the service starter's poison-message convention through its {@link
 * DeadLetters.Writer} (this is a plain consumer, not a Spring listener container, so the starter's
 * error handler cannot be attached): the raw key, value and headers go to {@code <topic>.dlt} in
 * the operator's namespace with the reason in {@value DeadLetters#REASON_HEADER} (plus Spring's
 * {@code kafka_dlt-original-*} headers), counted in {@value DeadLetters#COUNTER} and logged at
 * ERROR; only once the dead letter is acknowledged does the consumer move past the record (no
 * retry: retrying cannot make bytes readable). If the dead letter cannot be written, the consumer
 * stays on the record and tries again, rather than lose a command silently.
 */
public final class CommandConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CommandConsumer.class);

  private final KafkaConsumer<String, EventEnvelope<?>> consumer;
  private final String topic;
  private final CommandRouter router;
  private final Map<String, Object> kafka;
  private final MeterRegistry meters;
  private final Thread thread;
  private KafkaProducer<byte[], byte[]> deadLetterProducer; // created on the first dead letter
  private DeadLetters.Writer deadLetters;
  private volatile boolean running = true;

  /**
   * @param kafka client properties (bootstrap servers, security)
   * @param groupId the group shared by the operator's gateway instances
   */
  public CommandConsumer(
      OperatorId operator,
      Map<String, Object> kafka,
      String groupId,
      CommandRouter router,
      MeterRegistry meters) {
    this.topic = TopicNames.of(operator, Stream.DEVICE_COMMAND).toString();
    this.router = router;
    this.kafka = Map.copyOf(kafka);
    this.meters = meters;
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventsDeserializer.class);
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
    @SuppressWarnings({"unchecked", "rawtypes"})
    KafkaConsumer<String, EventEnvelope<?>> c = new KafkaConsumer(props);
    this.consumer = c;
    this.thread = new Thread(this::run, "gw-commands");
    this.thread.setDaemon(true);
  }

  public CommandConsumer start() {
    thread.start();
    return this;
  }

  /** True once partitions of the topic are assigned to this instance (for tests). */
  public boolean hasAssignment() {
    return assigned;
  }

  private volatile boolean assigned;

  private void run() {
    try {
      consumer.subscribe(
          List.of(topic),
          new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(
                java.util.Collection<org.apache.kafka.common.TopicPartition> p) {}

            @Override
            public void onPartitionsAssigned(
                java.util.Collection<org.apache.kafka.common.TopicPartition> p) {
              assigned = !p.isEmpty() || assigned;
            }
          });
      while (running) {
        try {
          for (ConsumerRecord<String, EventEnvelope<?>> r : consumer.poll(Duration.ofMillis(500))) {
            if (r.value() != null && r.value().data() instanceof DeviceCommandRequested c) {
              router.route(c);
            }
          }
          consumer.commitSync();
        } catch (RecordDeserializationException e) {
          if (deadLetter(e)) {
            consumer.seek(e.topicPartition(), e.offset() + 1);
          } else {
            // Not moved: the next poll fails on the same record and dead-letters it again.
            consumer.seek(e.topicPartition(), e.offset());
            Thread.sleep(1_000);
          }
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("Command consumer for {} stopped", topic, e);
    } finally {
      consumer.close(Duration.ofSeconds(2));
      if (deadLetterProducer != null) {
        deadLetterProducer.close(Duration.ofSeconds(2));
      }
    }
  }

  /** Publishes the unreadable record's bytes to the dead-letter topic; true once acknowledged. */
  private boolean deadLetter(RecordDeserializationException e) {
    if (deadLetters == null) {
      Map<String, Object> props = new HashMap<>(kafka);
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
      props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
      props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
      deadLetterProducer =
          new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
      deadLetters = new DeadLetters.Writer(deadLetterProducer, meters, Duration.ofSeconds(30));
    }
    return deadLetters.write(e);
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
