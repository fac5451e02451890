package io.fenghuo.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Something Kafka clients can bootstrap from: the in-JVM {@link KafkaBroker} or a {@link
 * KafkaCluster}.
 */
public interface KafkaEndpoint {

  /** How long {@link #createTopics} waits for creation and for every partition to have a leader. */
  Duration TOPIC_CREATION_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Returns the value for {@code bootstrap.servers}, e.g. {@code 127.0.0.1:40123,127.0.0.1:40125}.
   *
   * @throws IllegalStateException if the endpoint is not running (not started yet, or closed)
   */
  String bootstrapServers();

  /**
   * Returns an immutable map holding {@code bootstrap.servers}, as a base for producer, consumer
   * and admin configs ({@code new HashMap<>(endpoint.clientProperties())}).
   *
   * @throws IllegalStateException if the endpoint is not running
   */
  default Map<String, Object> clientProperties() {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
  }

  /**
   * Creates the topics and waits until every partition has a leader, so the caller can produce
   * right away.
   *
   * <p>Idempotent: a topic that already exists is left exactly as it is (its partition count and
   * configs are not compared), because shared brokers outlive test classes.
   *
   * @param topics topics with partitions, replication factor and configs, e.g. {@code new
   *     NewTopic("alarms", 3, (short) 1).configs(Map.of("cleanup.policy", "compact"))}
   * @throws org.apache.kafka.common.KafkaException as reported by the broker, e.g. {@code
   *     InvalidReplicationFactorException}
   * @throws IllegalStateException if the broker does not answer within {@link
   *     #TOPIC_CREATION_TIMEOUT} or the endpoint is not running
   */
  default void createTopics(NewTopic... topics) {
    KafkaAdmins.createTopics(bootstrapServers(), List.of(topics), TOPIC_CREATION_TIMEOUT);
  }

  /**
   * Creates one topic with the broker's default replication factor; see {@link
   * #createTopics(NewTopic...)} for the idempotency and error contract.
   *
   * @param name topic name
   * @param partitions number of partitions, at least 1
   * @param configs topic configs such as {@code cleanup.policy=compact}; may be empty
   * @throws IllegalArgumentException if {@code partitions < 1}
   */
  default void createTopic(String name, int partitions, Map<String, String> configs) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
    }
    createTopics(new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs));
  }
}
