package io.fenghuo.gateway.command;

import io.fenghuo.contracts.command.DeviceCommandRequested;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.kafka.CloudEventsDeserializer;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the operator's {@code device.command} in the consumer group the gateway instances of the
 * operator share, hands every command to the {@link CommandRouter} and commits after the records of
 * a poll were routed (at least once; results are keyed by command id, so a redelivered command
 * publishes a result with the same event id).
 */
public final class CommandConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CommandConsumer.class);

  private final KafkaConsumer<String, EventEnvelope<?>> consumer;
  private final String topic;
  private final CommandRouter router;
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param kafka client properties (bootstrap servers, security)
   * @param groupId the group shared by the operator's gateway instances
   */
  public CommandConsumer(
      OperatorId operator, Map<String, Object> kafka, String groupId, CommandRouter router) {
    this.topic = TopicNames.of(operator, Stream.DEVICE_COMMAND).toString();
    this.router = router;
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
          log.error("Skipping an unreadable command at {}-{}", e.topicPartition(), e.offset(), e);
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      log.error("Command consumer for {} stopped", topic, e);
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
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
