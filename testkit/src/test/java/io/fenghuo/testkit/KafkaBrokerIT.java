package io.fenghuo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerIT {

  private final KafkaBroker kafka = TestInfrastructure.kafka();

  @Test
  void deliversProducedRecordsToAConsumer() throws Exception {
    String topic = "kafka-broker-it.greetings";
    kafka.createTopic(topic, 1, Map.of());

    List<String> sent = List.of("ni hao", "hello", "bonjour");
    produce(topic, sent);

    assertThat(consume(topic, 1, sent.size())).containsExactlyElementsOf(sent);
  }

  @Test
  void autoCreatesATopicOnFirstWrite() throws Exception {
    String topic = "kafka-broker-it.auto-created";

    produce(topic, List.of("first"));

    assertThat(consume(topic, 1, 1)).containsExactly("first");
  }

  @Test
  void createsCompactedTopicsWithTheRequestedPartitions() throws Exception {
    String topic = "kafka-broker-it.device-state";

    kafka.createTopics(
        new NewTopic(topic, 4, (short) 1).configs(Map.of("cleanup.policy", "compact")));

    try (Admin admin = Admin.create(kafka.clientProperties())) {
      assertThat(partitions(admin, topic)).isEqualTo(4);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
  }

  @Test
  void leavesAnExistingTopicAsItIsWhenAskedToCreateItAgain() throws Exception {
    String topic = "kafka-broker-it.created-twice";
    kafka.createTopic(topic, 2, Map.of());

    kafka.createTopic(topic, 5, Map.of());

    try (Admin admin = Admin.create(kafka.clientProperties())) {
      assertThat(partitions(admin, topic)).isEqualTo(2);
    }
  }

  @Test
  void isOneBrokerForTheWholeJvmThatTestsCannotClose() {
    assertThat(TestInfrastructure.kafka()).isSameAs(kafka);
    assertThat(kafka.bootstrapServers()).matches("localhost:\\d+");
    assertThatThrownBy(kafka::close).isInstanceOf(IllegalStateException.class);
  }

  private void produce(String topic, List<String> values) throws Exception {
    Map<String, Object> config = new HashMap<>(kafka.clientProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, value)).get(30, TimeUnit.SECONDS);
      }
    }
  }

  private List<String> consume(String topic, int partitions, int expected) {
    Map<String, Object> config = new HashMap<>(kafka.clientProperties());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> assigned = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        assigned.add(new TopicPartition(topic, p));
      }
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }

  private static int partitions(Admin admin, String topic) throws Exception {
    return admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get()
        .get(topic)
        .partitions()
        .size();
  }
}
