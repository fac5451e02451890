package io.fenghuo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One cluster for the whole class, because starting three brokers costs ~20 s on two cores; the
 * tests are therefore steps of one story and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class KafkaClusterIT {

  private static final String TOPIC = "alarms";
  private static final int PARTITIONS = 3;
  private static final int BATCH = 100;

  // Short grace: the last step makes close() fall back to SIGKILL, and waits this long first.
  private final KafkaCluster cluster =
      KafkaCluster.builder().shutdownGracePeriod(Duration.ofSeconds(3)).build();
  private final List<String> acknowledged = new ArrayList<>();
  private KafkaProducer<String, String> producer;
  private int killed;

  @BeforeAll
  void startCluster() {
    cluster.start();
    cluster.createTopics(new NewTopic(TOPIC, PARTITIONS, (short) 3));
    Map<String, Object> config = new HashMap<>(cluster.clientProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  @AfterAll
  void closeCluster() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
    cluster.close();
  }

  @Test
  @Order(1)
  void replicatesTheTopicOnAllThreeBrokersOnRandomPorts() throws Exception {
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      assertThat(admin.describeCluster().nodes().get()).hasSize(3);
    }
    for (int partition = 0; partition < PARTITIONS; partition++) {
      assertThat(cluster.inSyncReplicas(TOPIC, partition)).containsExactly(1, 2, 3);
    }
    assertThat(cluster.bootstrapServers().split(","))
        .hasSize(3)
        .allSatisfy(server -> assertThat(server).matches("127\\.0\\.0\\.1:\\d+"));
    produceBatch("before");
  }

  @Test
  @Order(2)
  void acceptsAcksAllWritesAfterOneBrokerIsKilled() throws Exception {
    killed = cluster.leader(TOPIC, 0).orElseThrow();
    long pid = cluster.pid(killed);

    cluster.kill(killed);

    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    produceBatch("after-kill");
    awaitTrue(
        "partition 0 to lead elsewhere and shrink its ISR",
        () ->
            cluster.leader(TOPIC, 0).orElse(killed) != killed
                && !cluster.inSyncReplicas(TOPIC, 0).contains(killed),
        Duration.ofSeconds(30));
  }

  @Test
  @Order(3)
  void bringsARestartedBrokerBackIntoEveryInSyncReplicaSet() {
    cluster.restart(killed);

    awaitTrue(
        "broker " + killed + " back in every ISR",
        () -> {
          for (int partition = 0; partition < PARTITIONS; partition++) {
            if (!cluster.inSyncReplicas(TOPIC, partition).contains(killed)) {
              return false;
            }
          }
          return true;
        },
        Duration.ofSeconds(60));
  }

  @Test
  @Order(4)
  void restartsTwoKilledBrokersTogetherOrOneAfterTheOther() throws Exception {
    // Quorum lost: both back in one call, which launches both before waiting for either.
    cluster.kill(1);
    cluster.kill(2);

    cluster.restart(1, 2);

    assertThat(cluster.nodeIds()).allMatch(cluster::isRunning);
    awaitFullIsr(Duration.ofSeconds(60));
    produceBatch("after-double-restart");

    // One at a time: the first restart must not wait for the broker that is still down.
    cluster.kill(2);
    cluster.kill(3);

    cluster.restart(3);

    assertThat(cluster.isRunning(2)).isFalse();
    cluster.restart(2);
    awaitFullIsr(Duration.ofSeconds(60));
  }

  @Test
  @Order(5)
  void keepsEveryAcknowledgedRecordExactlyOnce() {
    Map<String, Object> config = new HashMap<>(cluster.clientProperties());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> consumed = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (int partition = 0; partition < PARTITIONS; partition++) {
        partitions.add(new TopicPartition(TOPIC, partition));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (consumed.size() < acknowledged.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          consumed.add(record.value());
        }
      }
    }

    assertThat(acknowledged).hasSize(3 * BATCH);
    assertThat(consumed).containsExactlyInAnyOrderElementsOf(acknowledged);
  }

  @Test
  @Order(6)
  void leavesNoBrokerProcessBehindWhenClosedEvenWithoutQuorum() {
    List<Long> pids = cluster.nodeIds().stream().map(cluster::pid).toList();
    producer.close(Duration.ofSeconds(5));
    producer = null;
    // Two brokers down: the survivor has no quorum, cannot finish a controlled shutdown and
    // ignores SIGTERM, so close() must fall back to SIGKILL.
    cluster.kill(1);
    cluster.kill(2);

    cluster.close();

    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid %d", pid).isEmpty();
    }
    assertThat(cluster.nodeIds()).noneMatch(cluster::isRunning);
  }

  private void awaitFullIsr(Duration timeout) {
    awaitTrue(
        "every partition's ISR to be 1, 2, 3",
        () -> {
          for (int partition = 0; partition < PARTITIONS; partition++) {
            if (cluster.inSyncReplicas(TOPIC, partition).size() != 3) {
              return false;
            }
          }
          return true;
        },
        timeout);
  }

  /** Sends asynchronously, then requires every send to be acknowledged by all in-sync replicas. */
  private void produceBatch(String label) throws Exception {
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      String value = label + "-" + i;
      values.add(value);
      sends.add(producer.send(new ProducerRecord<>(TOPIC, "site-" + i, value)));
    }
    producer.flush();
    for (Future<RecordMetadata> send : sends) {
      send.get(40, TimeUnit.SECONDS);
    }
    acknowledged.addAll(values);
  }

  private static void awaitTrue(String what, BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
      }
      KafkaAdmins.sleep(250);
    }
  }
}
