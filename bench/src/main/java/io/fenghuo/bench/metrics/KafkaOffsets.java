package io.fenghuo.bench.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** End offsets of topics: records written, counted by the broker. */
public final class KafkaOffsets implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;

  public KafkaOffsets(String bootstrap) {
    consumer =
        new KafkaConsumer<>(
            consumerProperties(bootstrap),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
  }

  /** A plain consumer's properties: the bootstrap servers, no auto-commit. */
  public static Properties consumerProperties(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return props;
  }

  /** One look-up with a consumer of its own: {@link #end(String)}. */
  public static long endOf(String bootstrap, String topic) {
    try (KafkaOffsets offsets = new KafkaOffsets(bootstrap)) {
      return offsets.end(topic);
    }
  }

  /** The sum of the topic's partitions' end offsets (0 if the topic does not exist). */
  public long end(String topic) {
    List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
    if (partitions == null || partitions.isEmpty()) {
      return 0;
    }
    Map<TopicPartition, Long> ends =
        consumer.endOffsets(
            partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList(),
            Duration.ofSeconds(10));
    return ends.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
