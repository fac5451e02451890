package io.fenghuo.unit.archive.messaging;

import io.fenghuo.contracts.topic.TopicName;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Makes sure an operator's unit topic exists and is log-compacted before the first record goes to
 * it. A topic auto-created by the broker on first produce would get the broker's default {@code
 * cleanup.policy=delete} and lose old units' snapshots after the retention time, so the service
 * creates it itself (or fixes the policy of an existing one). Where the service's Kafka principal
 * may not create topics, set {@code fenghuo.unit.stream.create-topics=false} and have the topic
 * created as documented in {@code docs/streams/unit.md}.
 */
@Component
class UnitTopics {

  private final KafkaAdmin admin;
  private final boolean create;
  private final int partitions;
  private final short replicationFactor;
  private final Set<String> ensured = ConcurrentHashMap.newKeySet();

  UnitTopics(
      KafkaAdmin admin,
      @Value("${fenghuo.unit.stream.create-topics:true}") boolean create,
      @Value("${fenghuo.unit.stream.partitions:3}") int partitions,
      @Value("${fenghuo.unit.stream.replication-factor:-1}") short replicationFactor) {
    this.admin = admin;
    this.create = create;
    this.partitions = partitions;
    this.replicationFactor = replicationFactor;
    // Existing topics get their compaction policy corrected rather than silently left as they are.
    admin.setModifyTopicConfigs(true);
  }

  /** Creates the topic as a compacted topic, or corrects its policy, once per process. */
  void ensure(TopicName topic) {
    if (!create || ensured.contains(topic.toString())) {
      return;
    }
    admin.createOrModifyTopics(definition(topic));
    ensured.add(topic.toString());
  }

  NewTopic definition(TopicName topic) {
    return new NewTopic(
            topic.toString(),
            Optional.of(partitions),
            replicationFactor < 1 ? Optional.empty() : Optional.of(replicationFactor))
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
  }
}
