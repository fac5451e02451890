package io.fenghuo.unit;

import static io.fenghuo.unit.support.Fixtures.aProfile;
import static io.fenghuo.unit.support.Fixtures.aUnitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.contracts.unit.UnitCategory;
import io.fenghuo.testkit.PostgresDatabase;
import io.fenghuo.testkit.TestInfrastructure;
import io.fenghuo.unit.archive.Access;
import io.fenghuo.unit.archive.NewUnit;
import io.fenghuo.unit.archive.UnitArchive;
import io.fenghuo.unit.archive.UnitProfile;
import io.fenghuo.unit.support.UnitStreamReader;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox survives a crash between commit and publish: a change committed while Kafka cannot be
 * reached stays an incomplete publication, and the next start of the service publishes it, once.
 */
class OutboxRecoveryIT {

  private static final String DATABASE = "unit_outbox_it";

  @Test
  void aChangeCommittedWhileKafkaIsUnreachableIsPublishedOnceAfterRestart() throws Exception {
    String operator = "rc-" + System.currentTimeMillis() % 100000;
    String unitId = aUnitId("U-330106");

    // First life: Kafka is a closed port, so the publication fails after the commit.
    try (ConfigurableApplicationContext first = start(unreachableKafka(), "3s")) {
      first
          .getBean(UnitArchive.class)
          .register(Access.admin(), new NewUnit(unitId, operator, profile()));
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("select count(*) from unit where id = ?")
                  .param(unitId)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      await().atMost(Duration.ofSeconds(20)).until(() -> attempts(jdbc) > 0);
      assertThat(incomplete(jdbc)).isEqualTo(1);
    }

    // Second life: Kafka is back; the registry republishes what is outstanding.
    try (ConfigurableApplicationContext second =
        start(TestInfrastructure.kafka().bootstrapServers(), "15s")) {
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      await().atMost(Duration.ofSeconds(30)).until(() -> incomplete(jdbc) == 0);

      var records =
          UnitStreamReader.recordsOf(
              TopicNames.of(OperatorId.of(operator), Stream.UNIT).toString(), unitId, 1);

      assertThat(records).hasSize(1);
      assertThat(((UnitArchiveChanged) records.get(0).value().data()).unitId().value())
          .isEqualTo(unitId);
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

  private static ConfigurableApplicationContext start(String kafka, String ackTimeout) {
    PostgresDatabase db = TestInfrastructure.postgres().database(DATABASE);
    Map<String, Object> properties =
        Map.ofEntries(
            Map.entry("spring.datasource.url", db.jdbcUrl()),
            Map.entry("spring.datasource.username", db.username()),
            Map.entry("spring.datasource.password", db.password()),
            Map.entry("spring.datasource.hikari.connection-timeout", "2000"),
            Map.entry("spring.kafka.bootstrap-servers", kafka),
            // Fail fast while Kafka is away, instead of the default 60 s metadata wait.
            Map.entry("spring.kafka.producer.properties.max.block.ms", "1500"),
            Map.entry("fenghuo.unit.stream.ack-timeout", ackTimeout),
            Map.entry("fenghuo.unit.stream.partitions", "1"),
            Map.entry("fenghuo.instance", "recovery-it"),
            Map.entry("logging.structured.format.console", ""),
            Map.entry("spring.security.oauth2.resourceserver.jwt.issuer-uri", ""));
    // Command-line arguments, because default properties would lose against application.yaml.
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(UnitServiceApplication.class)
        .web(WebApplicationType.NONE)
        .run(args);
  }

  private static String unreachableKafka() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }

  private static UnitProfile profile() {
    var p = aProfile("重启后发布");
    return new UnitProfile(
        (String) p.get("name"),
        null,
        UnitCategory.KEY_UNIT,
        "330106",
        "文三路2号",
        null,
        null,
        "0571-88000119",
        null,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null);
  }
}
