package io.fenghuo.dispatch.support;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.kafka.CloudEventsDeserializer;
import io.fenghuo.contracts.kafka.CloudEventsSerializer;
import io.fenghuo.contracts.topic.TopicName;
import io.fenghuo.testkit.TestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The shared test broker as the alarm-service and the other parties see it. */
public final class Bus {

  private static final KafkaProducer<String, EventEnvelope<?>> PRODUCER =
      producer(TestInfrastructure.kafka().bootstrapServers());

  private Bus() {}

  /** Publishes an event as the alarm-service would, with a fresh event id; waits for the ack. */
  public static String publish(TopicName topic, OperatorId operator, FenghuoEvent event) {
    return publish(topic, operator, event, UUID.randomUUID().toString());
  }

  /** Publishes an event with the given event id (a redelivery repeats it). */
  public static String publish(
      TopicName topic, OperatorId operator, FenghuoEvent event, String eventId) {
    return publish(PRODUCER, topic, operator, event, eventId);
  }

  /** Publishes through another producer (another broker). */
  public static String publish(
      KafkaProducer<String, EventEnvelope<?>> producer,
      TopicName topic,
      OperatorId operator,
      FenghuoEvent event,
      String eventId) {
    var envelope =
        new EventEnvelope<>(
            eventId, URI.create("/fenghuo/alarm-service/it"), Instant.now(), operator, event);
    try {
      producer
          .send(new ProducerRecord<>(topic.toString(), event.key(), envelope))
          .get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish to " + topic, e);
    }
    return eventId;
  }

  /**
   * The records of a key on a topic, read from the beginning until {@code until} holds for them or
   * the timeout passes.
   */
  public static List<ConsumerRecord<String, EventEnvelope<FenghuoEvent>>> records(
      String topic,
      String key,
      Predicate<List<ConsumerRecord<String, EventEnvelope<FenghuoEvent>>>> until,
      Duration timeout) {
    return records(TestInfrastructure.kafka().bootstrapServers(), topic, key, until, timeout);
  }

  /** Same, on another broker. */
  public static List<ConsumerRecord<String, EventEnvelope<FenghuoEvent>>> records(
      String bootstrap,
      String topic,
      String key,
      Predicate<List<ConsumerRecord<String, EventEnvelope<FenghuoEvent>>>> until,
      Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "dispatch-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new CloudEventsDeserializer())) {
      List<ConsumerRecord<String, EventEnvelope<FenghuoEvent>>> found = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      List<TopicPartition> partitions = List.of();
      while (System.nanoTime() < deadline) {
        if (partitions.isEmpty()) {
          var info = consumer.partitionsFor(topic, Duration.ofSeconds(2));
          if (info == null || info.isEmpty()) {
            sleep();
            continue;
          }
          partitions = info.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
          consumer.assign(partitions);
          consumer.seekToBeginning(partitions);
        }
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            found.add(record);
          }
        }
        if (until.test(found)) {
          break;
        }
      }
      return found;
    }
  }

  /** The data of the records, in order. */
  public static List<FenghuoEvent> data(
      List<ConsumerRecord<String, EventEnvelope<FenghuoEvent>>> records) {
    return records.stream().map(r -> r.value().data()).toList();
  }

  /** A producer of CloudEvents to a broker; the caller closes it. */
  public static KafkaProducer<String, EventEnvelope<?>> producer(String bootstrap) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new StringSerializer(), new CloudEventsSerializer());
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
