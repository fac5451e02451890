package io.fenghuo.bench.gateway;

import io.fenghuo.bench.metrics.KafkaOffsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Topic layout and record samples, read with plain Kafka clients. */
final class KafkaProbe {

  private KafkaProbe() {}

  /** A record's shape: key and value sizes and its headers (names and values as sent). */
  record RecordShape(int keyBytes, int valueBytes, List<Header> headers, int sampled) {
    int headerBytes() {
      int n = 0;
      for (Header h : headers) {
        n += h.key().length() + (h.value() == null ? 0 : h.value().length);
      }
      return n;
    }

    int totalBytes() {
      return keyBytes + valueBytes + headerBytes();
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    return new KafkaConsumer<>(
        KafkaOffsets.consumerProperties(bootstrap),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /**
   * The average shape of up to {@code max} records from the end of a topic (key and value sizes
   * averaged; the headers of the last record read, whose sizes vary little: CloudEvents ids, times
   * and types).
   */
  static RecordShape sampleShape(String bootstrap, String topic, int max) {
    try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap)) {
      List<TopicPartition> tps =
          c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      c.assign(tps);
      Map<TopicPartition, Long> end = c.endOffsets(tps);
      for (TopicPartition tp : tps) {
        c.seek(tp, Math.max(0, end.get(tp) - max / tps.size()));
      }
      long keys = 0;
      long values = 0;
      int n = 0;
      List<Header> headers = List.of();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (n < max && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
          keys += r.key() == null ? 0 : r.key().length;
          values += r.value() == null ? 0 : r.value().length;
          List<Header> copy = new ArrayList<>();
          for (Header h : r.headers()) {
            copy.add(new RecordHeader(h.key(), h.value()));
          }
          headers = copy;
          n++;
        }
        if (c.position(tps.get(0)) >= end.get(tps.get(0))
            && tps.stream().allMatch(tp -> c.position(tp) >= end.get(tp))) {
          break;
        }
      }
      if (n == 0) {
        throw new IllegalStateException("no records on " + topic + " to take the size from");
      }
      return new RecordShape((int) (keys / n), (int) (values / n), headers, n);
    }
  }

  /** Partitions and replication factor of a topic. */
  static int[] layout(String bootstrap, String topic) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      TopicDescription d =
          admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
      return new int[] {d.partitions().size(), d.partitions().get(0).replicas().size()};
    }
  }

  /** Creates {@code topic} like {@code model} (partitions, replication), replacing an old one. */
  static void createLike(String bootstrap, String topic, String model) throws Exception {
    int[] layout = layout(bootstrap, model);
    try (Admin admin = admin(bootstrap)) {
      if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
        admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        Thread.sleep(2000);
      }
      admin
          .createTopics(
              List.of(new NewTopic(topic, layout[0], (short) layout[1]).configs(new HashMap<>())))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  private static Admin admin(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return Admin.create(p);
  }
}
