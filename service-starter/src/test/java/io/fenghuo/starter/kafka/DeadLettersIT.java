package io.fenghuo.starter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.testkit.KafkaBroker;
import io.fenghuo.testkit.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The dead-letter writer for plain consumers, against a real broker. */
class DeadLettersIT {

  final KafkaBroker kafka = TestInfrastructure.kafka();

  @Test
  void writesTheDeadLetterAndCountsItOnceAcknowledged() throws Exception {
    String source =
        "fire.op.dlt-" + UUID.randomUUID().toString().substring(0, 8) + ".device.command";
    String target = DeadLetters.deadLetterTopicOf(source);
    kafka.createTopic(target, 1, Map.of());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    byte[] value = "garbage".getBytes(StandardCharsets.UTF_8);

    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      DeadLetters.Writer writer = new DeadLetters.Writer(producer, meters, Duration.ofSeconds(30));
      boolean written =
          writer.write(
              new TopicPartition(source, 0),
              7L,
              null,
              value,
              null,
              new IllegalArgumentException("not a CloudEvent"));
      assertThat(written).isTrue();
    }

    assertThat(meters.get(DeadLetters.COUNTER).tag("topic", source).counter().count())
        .isEqualTo(1.0);
    List<ConsumerRecord<byte[], byte[]>> read = readAll(target, 1);
    assertThat(read).hasSize(1);
    assertThat(read.get(0).value()).isEqualTo(value);
    assertThat(
            new String(
                read.get(0).headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("IllegalArgumentException: not a CloudEvent");
  }

  private List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int n) {
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (out.size() < n && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(500)).forEach(out::add);
      }
    }
    return out;
  }
}
