package io.fenghuo.gateway.command;

import io.fenghuo.contracts.command.DeviceCommandRequested;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.kafka.CloudEventsDeserializer;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.starter.kafka.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the operator's {@code device.command} in the consumer group the gateway instances of the
 * operator share and hands every command to the {@link CommandRouter}. An offset is committed only
 * once the command is handled: its outcome is in Kafka ({@code device.command-result}), or the
 * instance holding the device accepted it. Per partition the commit stops at the first command not
 * handled yet (a 查岗 waiting for its reply holds it for up to its timeout), so a gateway that dies
 * with commands in flight has them delivered again to the instance taking over the partition (at
 * least once; results are keyed by command id, so a redelivered command publishes a result with the
 * same event id). A gateway that stops gracefully gives every command in flight an outcome first
 * ({@code Gateway#close}), then commits.
 *
 * <p>Unreadable records follow the service starter's poison-message convention through its {@link
 * DeadLetters.Writer} (this is a plain consumer, not a Spring listener container, so the starter's
 * error handler cannot be attached): the raw key, value and headers go to {@code <topic>.dlt} in
 * the operator's namespace with the reason in {@value DeadLetters#REASON_HEADER} (plus Spring's
 * {@code kafka_dlt-original-*} headers), counted in {@value DeadLetters#COUNTER} and logged at
 * ERROR; only once the dead letter is acknowledged does the consumer move past the record (no
 * retry: retrying cannot make bytes readable). If the dead letter cannot be written, the consumer
 * stays on the record and tries again, rather than lose a command silently.
 */
public final class CommandConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CommandConsumer.class);

  private final KafkaConsumer<String, EventEnvelope<?>> consumer;
  private final String topic;
  private final CommandRouter router;
  private final Map<String, Object> kafka;
  private final MeterRegistry meters;
  private final Thread thread;
  private KafkaProducer<byte[], byte[]> deadLetterProducer; // created on the first dead letter
  private DeadLetters.Writer deadLetters;
  private volatile boolean running = true;

  /**
   * @param kafka client properties (bootstrap servers, security)
   * @param groupId the group shared by the operator's gateway instances
   */
  public CommandConsumer(
      OperatorId operator,
      Map<String, Object> kafka,
      String groupId,
      CommandRouter router,
      MeterRegistry meters) {
    this.topic = TopicNames.of(operator, Stream.DEVICE_COMMAND).toString();
    this.router = router;
    this.kafka = Map.copyOf(kafka);
    this.meters = meters;
    Map<String, Object> props = new HashMap<>(kafka);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventsDeserializer.class);
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
    @SuppressWarnings({"unchecked", "rawtypes"})
    KafkaConsumer<String, EventEnvelope<?>> c = new KafkaConsumer(props);
    this.consumer = c;
    this.thread = new Thread(this::run, "gw-commands");
    this.thread.setDaemon(true);
  }

  public CommandConsumer start() {
    thread.start();
    return this;
  }

  /** True once partitions of the topic are assigned to this instance (for tests). */
  public boolean hasAssignment() {
    return assigned;
  }

  /**
   * Stops routing new commands (records already fetched but not routed are not committed, so the
   * group delivers them again) and returns once the consumer thread has stopped routing, at most
   * after {@code timeout}. Offsets of commands handled from now on are still committed until {@link
   * #close}.
   */
  public void stopTaking(Duration timeout) throws InterruptedException {
    taking = false;
    notTaking.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Commands routed whose outcome is not in Kafka yet (for tests and shutdown). */
  public int pending() {
    int n = 0;
    for (Progress p : progress.values()) {
      n += p.pending.size();
    }
    return n;
  }

  /**
   * What the consumer has done on one partition: the offsets of commands routed but not handled yet
   * (outcome not in Kafka), and the offset after the last record it is done with. The offset it may
   * commit is the lowest pending one, or {@code next} if none is pending.
   */
  private static final class Progress {
    final ConcurrentSkipListSet<Long> pending = new ConcurrentSkipListSet<>();
    volatile long next = -1;

    long committable() {
      Long first = pending.ceiling(Long.MIN_VALUE);
      return first != null ? first : next;
    }
  }

  private volatile boolean assigned;
  private volatile boolean taking = true;
  private final CountDownLatch notTaking = new CountDownLatch(1);
  private final Map<TopicPartition, Progress> progress = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>(); // consumer thread only

  private void run() {
    try {
      consumer.subscribe(
          List.of(topic),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
              // Commit what is handled; commands still running here keep running and publish
              // their outcome, and the partition's new owner gets them again (at least once).
              commitHandled();
              partitions.forEach(progress::remove);
              partitions.forEach(committed::remove);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
              partitions.forEach(progress::remove);
              partitions.forEach(committed::remove);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              assigned = !partitions.isEmpty() || assigned;
            }
          });
      while (running) {
        if (!taking) {
          notTaking.countDown();
          commitHandled();
          Thread.sleep(50);
          continue;
        }
        try {
          for (ConsumerRecord<String, EventEnvelope<?>> r : consumer.poll(Duration.ofMillis(500))) {
            if (!taking) {
              break; // not routed, not committed: delivered again to whoever takes over
            }
            handle(r);
          }
          commitHandled();
        } catch (RecordDeserializationException e) {
          if (deadLetter(e)) {
            consumer.seek(e.topicPartition(), e.offset() + 1);
            done(e.topicPartition(), e.offset());
          } else {
            // Not moved: the next poll fails on the same record and dead-letters it again.
            consumer.seek(e.topicPartition(), e.offset());
            Thread.sleep(1_000);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("Command consumer for {} stopped", topic, e);
    } finally {
      notTaking.countDown();
      try {
        commitHandled();
      } catch (RuntimeException e) {
        log.warn("Final commit of {} failed; handled commands may be delivered again", topic, e);
      }
      consumer.close(Duration.ofSeconds(2));
      if (deadLetterProducer != null) {
        deadLetterProducer.close(Duration.ofSeconds(2));
      }
    }
  }

  /** Routes one record; its offset stays pending until the command's outcome is in Kafka. */
  private void handle(ConsumerRecord<String, EventEnvelope<?>> r) {
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    if (!(r.value() != null && r.value().data() instanceof DeviceCommandRequested c)) {
      done(tp, r.offset()); // another type on the topic: nothing to do
      return;
    }
    Progress p = progress.computeIfAbsent(tp, k -> new Progress());
    long offset = r.offset();
    p.pending.add(offset);
    p.next = offset + 1;
    router
        .route(c)
        .whenComplete(
            (ok, error) -> {
              if (error == null) {
                p.pending.remove(offset);
              } else {
                // Stays pending: its offset (and every later one) is not committed, so after a
                // restart or rebalance the command is delivered again rather than lost.
                log.error(
                    "Outcome of command {} ({}@{}) not published; not committing past it",
                    c.commandId(),
                    tp,
                    offset,
                    error);
              }
            });
  }

  private void done(TopicPartition tp, long offset) {
    Progress p = progress.computeIfAbsent(tp, k -> new Progress());
    p.next = Math.max(p.next, offset + 1);
  }

  /** Commits, per partition, up to the first command whose outcome is not in Kafka yet. */
  private void commitHandled() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (Map.Entry<TopicPartition, Progress> e : progress.entrySet()) {
      long at = e.getValue().committable();
      if (at >= 0 && at > committed.getOrDefault(e.getKey(), -1L)) {
        offsets.put(e.getKey(), new OffsetAndMetadata(at));
      }
    }
    if (!offsets.isEmpty()) {
      try {
        consumer.commitSync(offsets, Duration.ofSeconds(5));
        offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
      } catch (KafkaException e) {
        // Broker away, rebalance in progress …: the next round commits again (nothing is lost by
        // committing late; a command may be delivered again).
        log.warn("Commit of {} failed; trying again: {}", offsets.keySet(), e.toString());
      }
    }
  }

  /** Publishes the unreadable record's bytes to the dead-letter topic; true once acknowledged. */
  private boolean deadLetter(RecordDeserializationException e) {
    if (deadLetters == null) {
      Map<String, Object> props = new HashMap<>(kafka);
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
      props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
      props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
      deadLetterProducer =
          new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
      deadLetters = new DeadLetters.Writer(deadLetterProducer, meters, Duration.ofSeconds(30));
    }
    return deadLetters.write(e);
  }

  /**
   * Stops routing, commits what is handled and closes the consumer. Call after the commands in
   * flight got their outcome (see {@code Gateway#close}), or their offsets stay uncommitted.
   */
  @Override
  public void close() {
    taking = false;
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
