package io.fenghuo.console.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;

/**
 * Where a live listener (pattern subscription, {@code auto.offset.reset=earliest}, a consumer group
 * of its own) starts reading, so that it shows what happens from the console's start and loses no
 * record of a topic created later: the topics of the first assignment are read from their end; a
 * topic found later (an operator's first alarm or fault creates it) has no offset of the group and
 * is read from its beginning, i.e. everything since it was created. A rebalance (which a new topic
 * causes) would reset a partition that delivered nothing yet to its beginning: such partitions of
 * known topics go to their end again (a record published during the rebalance itself may be missed
 * there; partitions that delivered records resume from the committed offset).
 */
final class LiveStart {

  private final Set<String> knownTopics = ConcurrentHashMap.newKeySet();
  private final Set<TopicPartition> delivered = ConcurrentHashMap.newKeySet();
  private volatile boolean started;

  /** From {@code ConsumerSeekAware.onPartitionsAssigned}. */
  void assigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    List<TopicPartition> toEnd = new ArrayList<>();
    for (TopicPartition partition : assignments.keySet()) {
      boolean known = !started || knownTopics.contains(partition.topic());
      if (known && !delivered.contains(partition)) {
        toEnd.add(partition);
      }
      knownTopics.add(partition.topic());
    }
    started = true;
    if (!toEnd.isEmpty()) {
      callback.seekToEnd(toEnd);
    }
  }

  /** Every record the listener received. */
  void delivered(ConsumerRecord<?, ?> record) {
    delivered.add(new TopicPartition(record.topic(), record.partition()));
  }
}
