package io.fenghuo.bench.platform;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** End offsets of topics: records written, counted by the broker. */
final class KafkaOffsets implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;

  KafkaOffsets(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** The sum of the topic's partitions' end offsets (0 if the topic does not exist). */
  long end(String topic) {
    List<PartitionInfo> partitions = consumer.partitionsFor(topic);
    if (partitions == null || partitions.isEmpty()) {
      return 0;
    }
    Map<TopicPartition, Long> ends =
        consumer.endOffsets(
            partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList());
    return ends.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
