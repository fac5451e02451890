package io.fenghuo.unit.support;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.kafka.CloudEventsDeserializer;
import io.fenghuo.testkit.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a unit topic from the beginning, as a new consumer building its read model would. */
public final class UnitStreamReader {

  private UnitStreamReader() {}

  /**
   * The records of a key, read until the topic has been quiet for {@code quiet} after at least
   * {@code atLeast} of them arrived (or {@code timeout} passed).
   */
  public static List<ConsumerRecord<String, EventEnvelope<FenghuoEvent>>> recordsOf(
      String bootstrap, String topic, String key, int atLeast, Duration quiet, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "unit-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Reading must never auto-create the topic: the service creates it compacted.
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new CloudEventsDeserializer())) {
      List<ConsumerRecord<String, EventEnvelope<FenghuoEvent>>> found = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      long lastNews = System.nanoTime();
      List<TopicPartition> partitions = List.of();
      while (System.nanoTime() < deadline) {
        if (partitions.isEmpty()) {
          var info = consumer.partitionsFor(topic, Duration.ofSeconds(2));
          if (info != null && !info.isEmpty()) {
            partitions = info.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
          } else {
            sleep();
            continue;
          }
        }
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            found.add(record);
            lastNews = System.nanoTime();
          }
        }
        if (found.size() >= atLeast && System.nanoTime() - lastNews > quiet.toNanos()) {
          break;
        }
      }
      return found;
    }
  }

  /** Same, on the shared test broker. */
  public static List<ConsumerRecord<String, EventEnvelope<FenghuoEvent>>> recordsOf(
      String topic, String key, int atLeast) {
    return recordsOf(
        TestInfrastructure.kafka().bootstrapServers(),
        topic,
        key,
        atLeast,
        Duration.ofSeconds(2),
        Duration.ofSeconds(30));
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
