package io.fenghuo.alarm.alarm.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.alarm.support.Bus;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.testkit.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Readiness waits until the unit stream was read up to its end offsets at start (real Kafka). */
class UnitStreamReadinessIT {

  String topic;
  String group;

  @BeforeEach
  void aUnitTopicWithThreeRecordsInOnePartitionOfTwo() throws Exception {
    topic = TopicNames.of(OperatorId.of(Bus.anOperator()), Stream.UNIT).toString();
    group = "readiness-it-" + UUID.randomUUID();
    try (Admin admin = admin()) {
      admin
          .createTopics(List.of(new NewTopic(topic, 2, (short) 1)))
          .all()
          .get(20, TimeUnit.SECONDS);
    }
    produce(3);
  }

  @Test
  void notReadyUntilEveryRecordBeforeTheEndOffsetsAtStartWasProcessed() throws Exception {
    UnitStreamReadiness readiness = readiness(Duration.ofMinutes(5));
    try {
      assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
      readiness.processed(topic, 0, 0);
      readiness.processed(topic, 0, 1);
      produce(2); // after start: not waited for
      assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

      readiness.processed(topic, 0, 2);

      Health health = readiness.health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("partitions", 2);
    } finally {
      readiness.destroy();
    }
  }

  @Test
  void readyAtOnceWhenTheGroupCommittedTheEndOffsetsBeforeARestart() throws Exception {
    commit(3);
    UnitStreamReadiness readiness = readiness(Duration.ofMinutes(5));
    try {
      assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    } finally {
      readiness.destroy();
    }
  }

  @Test
  void readyAnywayAfterTheCatchUpTimeoutSoTheReceiptNeverStaysOutOfService() throws Exception {
    UnitStreamReadiness readiness = readiness(Duration.ZERO);
    try {
      Thread.sleep(5);
      Health health = readiness.health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsKey("gaveUpWaitingAfter");
    } finally {
      readiness.destroy();
    }
  }

  private UnitStreamReadiness readiness(Duration timeout) {
    return new UnitStreamReadiness(
        admin(), Pattern.compile(Pattern.quote(topic)), group, timeout, Clock.systemUTC());
  }

  private static Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()));
  }

  private void produce(int records) throws Exception {
    Properties props = new Properties();
    props.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
    try (var producer =
        new KafkaProducer<String, String>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, 0, "U-" + i, "{}")).get(10, TimeUnit.SECONDS);
      }
    }
  }

  private void commit(long offset) {
    Properties props = new Properties();
    props.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    try (var consumer =
        new KafkaConsumer<String, String>(
            props, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition p0 = new TopicPartition(topic, 0);
      consumer.assign(List.of(p0));
      consumer.commitSync(Map.of(p0, new OffsetAndMetadata(offset)));
    }
  }
}
