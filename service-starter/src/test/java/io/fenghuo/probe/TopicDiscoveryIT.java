package io.fenghuo.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.contracts.alarm.AlarmRaised;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.FireAlarmSource;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.starter.kafka.EventPublisher;
import io.fenghuo.testkit.SpringTestProperties;
import io.fenghuo.testkit.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A pattern listener on the starter's defaults (no {@code metadata.max.age.ms} of its own) finds a
 * topic created after it started within seconds, not at Kafka's 5-minute metadata refresh. Its own
 * service name and database, so no other test context's listener can do the work.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.application.name=discovery-probe",
      "logging.level.kafka=WARN",
      "logging.level.org.apache.kafka=WARN"
    })
class TopicDiscoveryIT {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SpringTestProperties.kafka(registry);
    SpringTestProperties.postgres(registry, "topic_discovery");
  }

  @Autowired EventPublisher publisher;
  @Autowired JdbcClient jdbc;
  @Autowired ConsumerFactory<?, ?> consumers;

  @Test
  void aPatternListenerReceivesFromATopicCreatedAfterStartWithinSeconds() throws Exception {
    assertThat(consumers.getConfigurationProperties())
        .containsEntry(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
    // Let the listener's first subscription settle on the topics that exist now.
    Thread.sleep(2000);
    OperatorId late = OperatorId.of("late-" + Long.toString(System.nanoTime() % 100_000_000, 36));
    String topic = TopicNames.of(late, Stream.ALARM).toString();
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(20, TimeUnit.SECONDS);
    }
    long created = System.nanoTime();
    EventEnvelope<AlarmRaised> event = publisher.envelope(late, Instant.now(), anAlarmRaised());
    publisher.publish(TopicNames.of(late, Stream.ALARM), event).get(10, TimeUnit.SECONDS);

    // Kafka's default refresh is 5 minutes; the starter's is 5 s (plus a rebalance).
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                jdbc.sql("select count(*) from handled_event where event_id = ? and operator = ?")
                        .params(event.id(), late.value())
                        .query(Integer.class)
                        .single()
                    == 1);
    System.out.printf(
        "[starter] a topic created after start was consumed after %d ms%n",
        (System.nanoTime() - created) / 1_000_000);
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
}
