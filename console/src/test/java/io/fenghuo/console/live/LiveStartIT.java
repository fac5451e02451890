package io.fenghuo.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.testkit.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link LiveStart} against the real broker: where a live listener's partitions start. */
class LiveStartIT {

  final String bootstrap = TestInfrastructure.kafka().bootstrapServers();
  final Instant started = Instant.now();
  final LiveStart start = new LiveStart(started);
  final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Test
  void aPartitionStartsAtTheFirstRecordSinceTheConsoleStartedAndSkipsOlderOnes() {
    TopicPartition partition = topicWith("before", started.minusSeconds(60));
    send(partition, "since", started.plusMillis(1));
    send(partition, "later", started.plusMillis(2));

    KafkaConsumer<Object, Object> consumer = assigned(partition);

    assertThat(values(consumer, 2)).containsExactly("since", "later");
  }

  @Test
  void aQuietPartitionMissesNothingPublishedRightAfterItWasAssigned() {
    TopicPartition partition = topicWith("before", started.minusSeconds(60));

    KafkaConsumer<Object, Object> consumer = assigned(partition);
    // Published before the consumer's first fetch: a lazy "seek to end" would resolve after it
    // and skip this record.
    send(partition, "fire", Instant.now());

    assertThat(values(consumer, 1)).containsExactly("fire");
  }

  @Test
  void aPartitionThatDeliveredKeepsItsPositionWhenAssignedAgain() {
    TopicPartition partition = topicWith("before", started.minusSeconds(60));
    send(partition, "since", started.plusMillis(1));
    KafkaConsumer<Object, Object> consumer = assigned(partition);
    ConsumerRecord<Object, Object> first = records(consumer, 1).get(0);
    start.intercept(first, consumer);
    consumer.seek(partition, 0); // where the group's committed offset would put it

    start.onPartitionsAssigned(consumer, List.of(partition));

    assertThat(consumer.position(partition)).isZero();
  }

  private TopicPartition topicWith(String value, Instant timestamp) {
    String topic = "live-start-" + UUID.randomUUID();
    TestInfrastructure.kafka().createTopic(topic, 1, Map.of());
    TopicPartition partition = new TopicPartition(topic, 0);
    send(partition, value, timestamp);
    return partition;
  }

  private void send(TopicPartition partition, String value, Instant timestamp) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      producer
          .send(
              new ProducerRecord<>(
                  partition.topic(), partition.partition(), timestamp.toEpochMilli(), null, value))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A consumer given the partition as a rebalance would, positioned by {@link LiveStart}. */
  private KafkaConsumer<Object, Object> assigned(TopicPartition partition) {
    KafkaConsumer<Object, Object> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "live-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
    open.add(consumer);
    consumer.assign(List.of(partition));
    start.onPartitionsAssigned(consumer, List.of(partition));
    return consumer;
  }

  private static List<ConsumerRecord<Object, Object>> records(
      KafkaConsumer<Object, Object> consumer, int count) {
    List<ConsumerRecord<Object, Object>> records = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (records.size() < count && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    return records;
  }

  private static List<Object> values(KafkaConsumer<Object, Object> consumer, int count) {
    List<Object> values = new ArrayList<>();
    records(consumer, count).forEach(r -> values.add(r.value()));
    // Nothing more behind them.
    consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
    return values;
  }
}
