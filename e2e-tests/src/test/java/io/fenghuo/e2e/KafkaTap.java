package io.fenghuo.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every {@code fire.*} topic of the platform from the beginning, in a group of its own, into
 * memory (the platform is fresh, so everything on them comes from the tests). Records are
 * CloudEvents in binary mode: {@code ce_id} and {@code ce_type} are headers, the value is JSON.
 */
final class KafkaTap implements AutoCloseable {

  /** One record as seen by the tap. */
  record Rec(
      String topic,
      int partition,
      long offset,
      String key,
      String ceId,
      String ceType,
      JsonNode data,
      Instant kafkaTime,
      Instant seenAt) {

    String text(String field) {
      JsonNode node = data.get(field);
      return node == null || node.isNull() ? null : node.asString();
    }
  }

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final KafkaConsumer<String, String> consumer;
  private final Thread poller;
  private final List<Rec> records = new CopyOnWriteArrayList<>();
  // A rebalance (a new topic matched the pattern) starts the group's partitions again from the
  // beginning, since the tap commits nothing: a record already held is not added twice.
  private final Set<String> held = new HashSet<>();
  private volatile boolean running = true;

  private KafkaTap(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-tap-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"); // new topics within a second
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(Pattern.compile("fire\\..*"));
    poller = new Thread(this::poll, "e2e-kafka-tap");
    poller.setDaemon(true);
  }

  static KafkaTap start(String bootstrap) {
    KafkaTap tap = new KafkaTap(bootstrap);
    tap.poller.start();
    return tap;
  }

  private void poll() {
    try {
      while (running) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (!held.add(r.topic() + "/" + r.partition() + "/" + r.offset())) {
            continue;
          }
          Instant seen = Instant.now();
          JsonNode data;
          try {
            data = r.value() == null ? JSON.nullNode() : JSON.readTree(r.value());
          } catch (RuntimeException notJson) {
            data = JSON.nullNode();
          }
          records.add(
              new Rec(
                  r.topic(),
                  r.partition(),
                  r.offset(),
                  r.key(),
                  header(r, "ce_id"),
                  header(r, "ce_type"),
                  data,
                  Instant.ofEpochMilli(r.timestamp()),
                  seen));
        }
      }
    } catch (WakeupException stopping) {
      // close()
    } finally {
      consumer.close();
    }
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** Records seen so far that match. */
  List<Rec> records(Predicate<Rec> filter) {
    return records.stream().filter(filter).toList();
  }

  /**
   * Records on one topic whose CloudEvent type ends with {@code typeSuffix} (e.g. "confirmed.v1").
   */
  List<Rec> records(String topic, String typeSuffix) {
    return records(
        r -> r.topic().equals(topic) && r.ceType() != null && r.ceType().endsWith(typeSuffix));
  }

  /** Waits for the first matching record. */
  Rec await(String what, Duration timeout, Predicate<Rec> filter) {
    return Awaitility.await(what)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> records(filter).stream().findFirst().orElse(null), r -> r != null);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    poller.join(5_000);
  }
}
