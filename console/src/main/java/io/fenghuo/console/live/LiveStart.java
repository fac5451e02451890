package io.fenghuo.console.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Where every live listener (pattern subscription, a consumer group of its own per console
 * instance) starts reading each partition it is given: at the console's start time. It then shows
 * everything that happened since the console started and nothing older, also on a topic created
 * after the start (an operator's first alarm or fault creates it; the pattern subscription finds it
 * at the next metadata refresh, when its first record is already there).
 *
 * <p>A partition with no record since the start is positioned at the end offset read
 * <em>before</em> the time lookup, never by a lazy "seek to end" that resolves at the next fetch: a
 * record published between the lookup and that fetch would otherwise be skipped, and an operator
 * would not see a fire alarm arrive. A partition that delivered records resumes from the group's
 * committed offset after a rebalance; one that delivered none is positioned again the same way.
 *
 * <p>One instance serves every container of the live listener factory: as its rebalance listener
 * and as its record interceptor (which notes the partitions that delivered, per consumer group).
 */
final class LiveStart implements ConsumerAwareRebalanceListener, RecordInterceptor<Object, Object> {

  private final long startedAt;
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();

  LiveStart() {
    this(Instant.now());
  }

  LiveStart(Instant startedAt) {
    this.startedAt = startedAt.toEpochMilli();
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    String group = group(consumer);
    List<TopicPartition> fresh = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      if (!delivered.contains(key(group, partition))) {
        fresh.add(partition);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    // End offsets first: whatever is published after this read is found by one of the two.
    Map<TopicPartition, Long> ends = consumer.endOffsets(fresh);
    Map<TopicPartition, Long> since = new HashMap<>();
    fresh.forEach(partition -> since.put(partition, startedAt));
    Map<TopicPartition, OffsetAndTimestamp> first = consumer.offsetsForTimes(since);
    for (TopicPartition partition : fresh) {
      OffsetAndTimestamp at = first.get(partition);
      consumer.seek(partition, at != null ? at.offset() : ends.get(partition));
    }
  }

  @Override
  public ConsumerRecord<Object, Object> intercept(
      ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    delivered.add(key(group(consumer), new TopicPartition(record.topic(), record.partition())));
    return record;
  }

  private static String group(Consumer<?, ?> consumer) {
    return consumer.groupMetadata().groupId();
  }

  private static String key(String group, TopicPartition partition) {
    return group + '|' + partition;
  }
}
