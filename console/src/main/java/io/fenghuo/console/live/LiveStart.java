package io.fenghuo.console.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;

/**
 * Where a live listener (pattern subscription, a consumer group of its own per console instance)
 * starts reading each partition it is given: at the console's start time. It then shows everything
 * that happened since the console started and nothing older, also on a topic created after the
 * start (an operator's first alarm or fault creates it; the pattern subscription finds it at the
 * next metadata refresh, when its first record is already there). A partition that delivered
 * records resumes from the group's committed offset after a rebalance; one that delivered none is
 * positioned at the start time again, so a record published during the rebalance is not lost.
 */
final class LiveStart {

  private final long startedAt = Instant.now().toEpochMilli();
  private final Set<TopicPartition> delivered = ConcurrentHashMap.newKeySet();

  /** From {@code ConsumerSeekAware.onPartitionsAssigned}. */
  void assigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    List<TopicPartition> fresh = new ArrayList<>();
    for (TopicPartition partition : assignments.keySet()) {
      if (!delivered.contains(partition)) {
        fresh.add(partition);
      }
    }
    if (!fresh.isEmpty()) {
      callback.seekToTimestamp(fresh, startedAt);
    }
  }

  /** Every record the listener received. */
  void delivered(ConsumerRecord<?, ?> record) {
    delivered.add(new TopicPartition(record.topic(), record.partition()));
  }
}
