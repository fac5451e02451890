package io.fenghuo.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.contracts.alarm.AlarmEscalated;
import io.fenghuo.contracts.alarm.AlarmRaised;
import io.fenghuo.contracts.alarm.EscalationReason;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.FireAlarmSource;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.starter.idempotency.IdempotentConsumer;
import io.fenghuo.starter.idempotency.ProcessedEventPurge;
import io.fenghuo.starter.kafka.DeadLetters;
import io.fenghuo.starter.kafka.EventPublisher;
import io.fenghuo.testkit.SpringTestProperties;
import io.fenghuo.testkit.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A service on the starter, against a real Kafka broker and a real PostgreSQL. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=probe-service",
      "fenghuo.kafka.initial-back-off=50ms",
      "fenghuo.kafka.retries=2",
      "spring.kafka.consumer.properties.metadata.max.age.ms=500",
      "logging.level.kafka=WARN",
      "logging.level.org.apache.kafka=WARN"
    })
class ServiceStarterIT {

  private static final OperatorId OP_A = OperatorId.of("op-a");
  private static final OperatorId OP_B = OperatorId.of("op-b");

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SpringTestProperties.kafka(registry);
    SpringTestProperties.postgres(registry, "service_starter");
    createTopics();
  }

  @Autowired EventPublisher publisher;
  @Autowired IdempotentConsumer idempotent;
  @Autowired JdbcClient jdbc;

  @Autowired ProcessedEventPurge purge;
  @Autowired ProducerFactory<?, ?> producerFactory;
  @Autowired ProbeApplication.AlarmListener listener;
  @LocalServerPort int port;

  @Test
  void producersAcknowledgeOnlyWhenAllInSyncReplicasHaveTheRecord() {
    Map<String, Object> config = producerFactory.getConfigurationProperties();

    assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    assertThat(String.valueOf(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)))
        .isEqualTo("true");
  }

  @Test
  void publishedEventReachesTheListenerOfItsTenant() throws Exception {
    EventEnvelope<AlarmRaised> event = publisher.envelope(OP_A, Instant.now(), anAlarmRaised());

    publisher.publish(TopicNames.of(OP_A, Stream.ALARM), event).get(10, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(20)).until(() -> handled(event.id()) == 1);
    assertThat(
            jdbc.sql("select operator from handled_event where event_id = ?")
                .param(event.id())
                .query(String.class)
                .single())
        .isEqualTo("op-a");
  }

  @Test
  void aRedeliveredEventChangesStateOnlyOnce() throws Exception {
    EventEnvelope<AlarmRaised> event = publisher.envelope(OP_A, Instant.now(), anAlarmRaised());
    EventEnvelope<AlarmRaised> marker = publisher.envelope(OP_A, Instant.now(), anAlarmRaised());

    publisher.publish(TopicNames.of(OP_A, Stream.ALARM), event).get(10, TimeUnit.SECONDS);
    publisher.publish(TopicNames.of(OP_A, Stream.ALARM), event).get(10, TimeUnit.SECONDS);
    publisher.publish(TopicNames.of(OP_A, Stream.ALARM), marker).get(10, TimeUnit.SECONDS);

    // Same partition, in order: once the marker is handled, both copies were seen.
    await().atMost(Duration.ofSeconds(20)).until(() -> handled(marker.id()) == 1);
    assertThat(handled(event.id())).isEqualTo(1);
    assertThat(idempotent.wasProcessed(event.id())).isTrue();
  }

  @Test
  void poisonRecordIsDeadLetteredInsideItsTenantsNamespaceAndThePartitionMovesOn()
      throws Exception {
    String topic = TopicNames.of(OP_B, Stream.ALARM).toString();
    String key = AlarmId.random().toString();
    try (var producer = rawProducer()) {
      producer
          .send(
              new ProducerRecord<>(
                  topic, key, "not a cloud event".getBytes(StandardCharsets.UTF_8)))
          .get(10, TimeUnit.SECONDS);
    }
    EventEnvelope<AlarmRaised> next = publisher.envelope(OP_B, Instant.now(), anAlarmRaised());
    publisher.publish(TopicNames.of(OP_B, Stream.ALARM), next).get(10, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(20)).until(() -> handled(next.id()) == 1);
    ConsumerRecord<String, byte[]> dead = firstRecordWithKey("fire.op.op-b.alarm.dlt", key);
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
    assertThat(
            new String(
                dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                StandardCharsets.UTF_8))
        .contains("is not a CloudEvent");
  }

  @Test
  void aFailingEventIsRetriedABoundedNumberOfTimesThenDeadLettered() throws Exception {
    AlarmEscalated toNobody =
        new AlarmEscalated(
            AlarmId.random(), null, EscalationReason.NOT_CLAIMED, 1, "nobody", Instant.now());
    int failuresBefore = listener.failures.get();

    publisher
        .publish(
            TopicNames.of(OP_A, Stream.ALARM), publisher.envelope(OP_A, Instant.now(), toNobody))
        .get(10, TimeUnit.SECONDS);

    ConsumerRecord<String, byte[]> dead =
        firstRecordWithKey("fire.op.op-a.alarm.dlt", toNobody.key());
    assertThat(new String(dead.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
        .isEqualTo("fenghuo.alarm.escalated.v1");
    assertThat(listener.failures.get() - failuresBefore).isEqualTo(1 + 2);
    assertThat(
            new String(
                dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("IllegalStateException: nobody to escalate to");
  }

  @Test
  void processedIdsOlderThanTheRetentionAreForgottenAndNewerOnesKept() {
    String old = "evt-old-" + System.nanoTime();
    String recent = "evt-recent-" + System.nanoTime();
    idempotent.processOnce(old, () -> {});
    idempotent.processOnce(recent, () -> {});
    jdbc.sql(
            "update processed_event set processed_at = now() - interval '15 days' where event_id = ?")
        .param(old)
        .update();

    assertThat(purge.runOnce()).isGreaterThanOrEqualTo(1);

    assertThat(idempotent.wasProcessed(old)).isFalse();
    assertThat(idempotent.wasProcessed(recent)).isTrue();
  }

  @Test
  void aRolledBackChangeLeavesTheEventUnprocessed() {
    String eventId = "evt-rollback-" + System.nanoTime();

    assertThatThrownBy(
            () ->
                idempotent.processOnce(
                    eventId,
                    () -> {
                      throw new IllegalStateException("database said no");
                    }))
        .hasMessage("database said no");
    assertThat(idempotent.wasProcessed(eventId)).isFalse();

    assertThat(idempotent.processOnce(eventId, () -> {})).isTrue();
    assertThat(idempotent.processOnce(eventId, () -> {})).isFalse();
  }

  @Test
  void healthShowsKafkaAndDatabaseAndMetricsArePublishedForPrometheus() throws Exception {
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> liveness =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health/liveness"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    idempotent.processOnce("evt-metrics-" + System.nanoTime(), () -> {});
    HttpResponse<String> prometheus =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"kafkaCluster\"").contains("\"db\"").contains("\"UP\"");
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(prometheus.body()).contains("fenghuo_events_processed_total");
  }

  private int handled(String eventId) {
    return jdbc.sql("select count(*) from handled_event where event_id = ?")
        .param(eventId)
        .query(Integer.class)
        .single();
  }

  private static AlarmRaised anAlarmRaised() {
    return new AlarmRaised(
        AlarmId.random(),
        UnitId.of("U-1"),
        DeviceAddress.of("0140609623b2"),
        FireAlarmSource.COMPONENT_STATE,
        PointRef.component(1, 1, 40, 7),
        null,
        Instant.now(),
        "signal-1",
        AlarmCategory.FIRE,
        false,
        false,
        null);
  }

  private static void createTopics() {
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
      List<NewTopic> topics = new ArrayList<>();
      for (String name :
          List.of(
              "fire.op.op-a.alarm",
              "fire.op.op-b.alarm",
              "fire.op.op-a.alarm.dlt",
              "fire.op.op-b.alarm.dlt")) {
        topics.add(new NewTopic(name, 1, (short) 1));
      }
      admin
          .createTopics(topics)
          .values()
          .values()
          .forEach(
              f -> {
                try {
                  f.get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                  if (!(e.getCause()
                      instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw new IllegalStateException(e);
                  }
                }
              });
    }
  }

  private static KafkaProducer<String, byte[]> rawProducer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  private static ConsumerRecord<String, byte[]> firstRecordWithKey(String topic, String key) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-reader-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (var consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no record with key " + key + " on " + topic + " within 30 s");
  }
}
