package io.fenghuo.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.fault.FaultOpened;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.inspection.inspection.InspectionDesk;
import io.fenghuo.inspection.support.Bus;
import io.fenghuo.testkit.PostgresDatabase;
import io.fenghuo.testkit.TestInfrastructure;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox survives Kafka being away when a fault opens: the fault record commits, its
 * publication stays incomplete, and the next start of the service publishes it, once.
 */
class OutboxRecoveryIT {

  private static final String DATABASE = "inspection_outbox_it";

  @Test
  void aFaultOpenedWhileKafkaIsUnreachableIsPublishedOnceAfterRestart() throws Exception {
    String operator = Bus.anOperator();
    Bus.createTopics(operator, 1);
    var device = Bus.aDevice();
    String signalId = UUID.randomUUID().toString();

    try (ConfigurableApplicationContext first = start(unreachableKafka())) {
      InspectionDesk desk = first.getBean(InspectionDesk.class);
      desk.status(
          OperatorId.of(operator), signalId, Bus.aComponentState(device, 5, StateFlag.FAULT));
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("select count(*) from fault where operator = ? and closed_at is null")
                  .param(operator)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      await().atMost(Duration.ofSeconds(30)).until(() -> attempts(jdbc) >= 1);
      assertThat(incomplete(jdbc)).isGreaterThanOrEqualTo(1);
    }

    try (ConfigurableApplicationContext second =
        start(TestInfrastructure.kafka().bootstrapServers())) {
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      await().atMost(Duration.ofSeconds(60)).until(() -> incomplete(jdbc) == 0);

      List<FaultOpened> opened =
          Bus.read(operator, Stream.FAULT, Duration.ofSeconds(3)).stream()
              .map(EventEnvelope::data)
              .filter(FaultOpened.class::isInstance)
              .map(FaultOpened.class::cast)
              .toList();
      assertThat(opened).hasSize(1);
      assertThat(opened.get(0).device()).isEqualTo(device);
      assertThat(opened.get(0).signalId()).isEqualTo(signalId);
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
            Map.entry("fenghuo.inspection.stream.ack-timeout", "3s"),
            // No timer work in this test: only the one fault's publication.
            Map.entry("fenghuo.inspection.timers.tick", "1h"),
            Map.entry("fenghuo.instance", "recovery-it"),
            Map.entry("logging.structured.format.console", ""),
            Map.entry("spring.security.oauth2.resourceserver.jwt.issuer-uri", ""));
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(InspectionServiceApplication.class)
        .web(WebApplicationType.NONE)
        .run(args);
  }

  private static String unreachableKafka() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }
}
