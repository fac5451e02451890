package io.fenghuo.dispatch;

import static io.fenghuo.dispatch.support.Fires.aConfirmedFire;
import static io.fenghuo.dispatch.support.Fires.alarmsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.contracts.dispatch.IncidentReported;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.dispatch.support.Bus;
import io.fenghuo.testkit.KafkaBroker;
import io.fenghuo.testkit.PostgresDatabase;
import io.fenghuo.testkit.TestInfrastructure;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service dies between consuming {@code alarm.confirmed} and publishing the incident: the first
 * life consumes and commits the incident, but its producer cannot reach Kafka, so the outbox record
 * stays incomplete; the application context is then stopped. The second life publishes it from the
 * outbox, and a redelivery of the same confirmation changes nothing: exactly one incident. It runs
 * on a broker of its own, so the service contexts other tests keep running in this JVM (all
 * operators, pattern subscriptions) never see its records.
 */
class OutboxRecoveryIT {

  private static final String DATABASE = "dispatch_outbox_it";

  @Test
  void anIncidentCommittedButNotPublishedIsPublishedOnceAfterRestart() throws Exception {
    String operator = "rc-" + System.nanoTime() % 100000;
    AlarmId alarm = AlarmId.random();
    IncidentId incident = IncidentId.forAlarm(alarm);
    AlarmConfirmed confirmed = aConfirmedFire(alarm);

    try (KafkaBroker broker = KafkaBroker.start();
        var producer = Bus.producer(broker.bootstrapServers())) {
      run(broker.bootstrapServers(), producer, operator, alarm, incident, confirmed);
    }
  }

  private static void run(
      String kafka,
      KafkaProducer<String, EventEnvelope<?>> producer,
      String operator,
      AlarmId alarm,
      IncidentId incident,
      AlarmConfirmed confirmed)
      throws Exception {
    String eventId = UUID.randomUUID().toString();
    try (ConfigurableApplicationContext first = start(kafka, unreachableKafka(), "2s")) {
      Bus.publish(producer, alarmsOf(operator), OperatorId.of(operator), confirmed, eventId);
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      await().atMost(Duration.ofSeconds(40)).until(() -> incidents(jdbc, incident) == 1);
      await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts(jdbc) > 0);
      assertThat(incompleteIncidentRecords(jdbc)).isEqualTo(1);
    }
    assertThat(
            Bus.records(
                kafka,
                TopicNames.of(Stream.INCIDENT).toString(),
                incident.toString(),
                l -> false,
                Duration.ofSeconds(3)))
        .isEmpty();

    try (ConfigurableApplicationContext second = start(kafka, kafka, "15s")) {
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      // The alarm-service's outbox may deliver the confirmation again: the same event id.
      Bus.publish(producer, alarmsOf(operator), OperatorId.of(operator), confirmed, eventId);
      await().atMost(Duration.ofSeconds(40)).until(() -> incompleteIncidentRecords(jdbc) == 0);

      var sent =
          Bus.records(
              kafka,
              TopicNames.of(Stream.INCIDENT).toString(),
              incident.toString(),
              l -> false,
              Duration.ofSeconds(5));
      assertThat(sent).hasSize(1);
      IncidentReported reported = (IncidentReported) sent.get(0).value().data();
      assertThat(reported.alarmId()).isEqualTo(alarm);
      assertThat(reported.revision()).isEqualTo(1);
      assertThat(incidents(jdbc, incident)).isEqualTo(1);
    }
  }

  private static long incidents(JdbcClient jdbc, IncidentId incident) {
    return jdbc.sql("select count(*) from incident where id = ?")
        .param(incident.value())
        .query(Long.class)
        .single();
  }

  private static long incompleteIncidentRecords(JdbcClient jdbc) {
    return jdbc.sql(
            "select count(*) from event_publication where completion_date is null"
                + " and listener_id like '%KafkaRelay%'"
                + " and serialized_event like '%fenghuo.dispatch.incident-reported.v1%'")
        .query(Long.class)
        .single();
  }

  private static long failedAttempts(JdbcClient jdbc) {
    return jdbc.sql(
            "select count(*) from event_publication where completion_date is null"
                + " and (status = 'FAILED' or coalesce(completion_attempts, 0) > 0)")
        .query(Long.class)
        .single();
  }

  private static ConfigurableApplicationContext start(
      String kafka, String producerKafka, String ackTimeout) {
    PostgresDatabase db = TestInfrastructure.postgres().database(DATABASE);
    Map<String, Object> properties =
        Map.ofEntries(
            Map.entry("spring.datasource.url", db.jdbcUrl()),
            Map.entry("spring.datasource.username", db.username()),
            Map.entry("spring.datasource.password", db.password()),
            Map.entry("spring.datasource.hikari.connection-timeout", "2000"),
            // Consumers reach the broker; in the first life the producer cannot.
            Map.entry("spring.kafka.bootstrap-servers", kafka),
            Map.entry("spring.kafka.producer.bootstrap-servers", producerKafka),
            Map.entry("spring.kafka.producer.properties.max.block.ms", "1500"),
            Map.entry("spring.kafka.consumer.properties.metadata.max.age.ms", "1000"),
            Map.entry("fenghuo.dispatch.kafka-ack-timeout", ackTimeout),
            Map.entry("fenghuo.dispatch.ack-timeout", "10m"),
            Map.entry("fenghuo.dispatch.communication-test.cron", "-"),
            Map.entry("fenghuo.instance", "recovery-it"),
            Map.entry("logging.structured.format.console", ""),
            Map.entry("spring.security.oauth2.resourceserver.jwt.issuer-uri", ""));
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(Dispatch119ServiceApplication.class)
        .web(WebApplicationType.NONE)
        .run(args);
  }

  private static String unreachableKafka() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }
}
