package io.fenghuo.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.alarm.alarm.Access;
import io.fenghuo.alarm.alarm.AlarmDesk;
import io.fenghuo.alarm.alarm.PointSignal;
import io.fenghuo.alarm.support.Bus;
import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.signal.FireAlarmSource;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.testkit.PostgresDatabase;
import io.fenghuo.testkit.TestInfrastructure;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox survives Kafka being away at the moment of the confirmation: the confirmation commits,
 * its publication stays incomplete, and the next start of the service publishes it, once.
 */
class OutboxRecoveryIT {

  private static final String DATABASE = "alarm_outbox_it";

  @Test
  void aConfirmationCommittedWhileKafkaIsUnreachableIsPublishedOnceAfterRestart() throws Exception {
    String operator = Bus.anOperator();
    Bus.createTopics(operator);
    AlarmId id;

    try (ConfigurableApplicationContext first = start(unreachableKafka())) {
      AlarmDesk desk = first.getBean(AlarmDesk.class);
      Instant now = Instant.now();
      id =
          desk.receive(
              OperatorId.of(operator),
              new PointSignal(
                  UUID.randomUUID().toString(),
                  Bus.aDevice(),
                  AlarmCategory.FIRE,
                  FireAlarmSource.COMPONENT_STATE,
                  PointRef.component(1, 1, 40, 77),
                  now,
                  now));
      Access seat = new Access(Access.Kind.OPERATOR, OperatorId.of(operator), null, "seat-1");
      desk.claim(seat, id, false);
      desk.confirm(seat, id, new AlarmDesk.ConfirmRequest(null, "木材", null, "张伟", "139", null));
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("select state from alarm where id = ?")
                  .param(id.value())
                  .query(String.class)
                  .single())
          .isEqualTo("CONFIRMED");
      await().atMost(Duration.ofSeconds(30)).until(() -> attempts(jdbc) >= 3);
      assertThat(incomplete(jdbc)).isGreaterThanOrEqualTo(3);
    }

    try (ConfigurableApplicationContext second =
        start(TestInfrastructure.kafka().bootstrapServers())) {
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      await().atMost(Duration.ofSeconds(60)).until(() -> incomplete(jdbc) == 0);

      List<EventEnvelope<FenghuoEvent>> stream = Bus.alarmStream(operator, Duration.ofSeconds(3));
      List<AlarmConfirmed> confirmed =
          stream.stream()
              .map(EventEnvelope::data)
              .filter(AlarmConfirmed.class::isInstance)
              .map(AlarmConfirmed.class::cast)
              .toList();
      assertThat(confirmed).hasSize(1);
      assertThat(confirmed.get(0).alarmId()).isEqualTo(id);
      assertThat(confirmed.get(0).report().burningMaterial()).isEqualTo("木材");
    }
  }

  private static long incomplete(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from event_publication where completion_date is null")
        .query(Long.class)
        .single();
  }

  private static long attempts(JdbcClient jdbc) {
    return jdbc.sql(
            "select count(*) from event_publication where completion_date is null"
                + " and (status = 'FAILED' or coalesce(completion_attempts, 0) > 0)")
        .query(Long.class)
        .single();
  }

  private static ConfigurableApplicationContext start(String kafka) {
    PostgresDatabase db = TestInfrastructure.postgres().database(DATABASE);
    Map<String, Object> properties =
        Map.ofEntries(
            Map.entry("spring.datasource.url", db.jdbcUrl()),
            Map.entry("spring.datasource.username", db.username()),
            Map.entry("spring.datasource.password", db.password()),
            Map.entry("spring.datasource.hikari.connection-timeout", "2000"),
            Map.entry("spring.kafka.bootstrap-servers", kafka),
            Map.entry("spring.kafka.producer.properties.max.block.ms", "1500"),
            Map.entry("fenghuo.alarm.stream.ack-timeout", "3s"),
            Map.entry("fenghuo.instance", "recovery-it"),
            Map.entry("logging.structured.format.console", ""),
            Map.entry("spring.security.oauth2.resourceserver.jwt.issuer-uri", ""));
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(AlarmServiceApplication.class)
        .web(WebApplicationType.NONE)
        .run(args);
  }

  private static String unreachableKafka() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }
}
