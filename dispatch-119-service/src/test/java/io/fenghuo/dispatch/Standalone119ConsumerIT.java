package io.fenghuo.dispatch;

import static io.fenghuo.dispatch.support.Fires.aConfirmedFire;
import static io.fenghuo.dispatch.support.Fires.alarmsOf;
import static io.fenghuo.dispatch.support.Fires.dispatchOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.centre119.Standalone119Centre;
import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.contracts.dispatch.ReceiptReceived;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.dispatch.support.Bus;
import io.fenghuo.dispatch.support.RunningService;
import io.fenghuo.testkit.TestInfrastructure;
import io.fenghuo.testkit.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A 119 centre written from the AsyncAPI document alone ({@link Standalone119Centre}) reads and
 * acknowledges incidents and communication tests; under a light load the confirm → incident latency
 * is measured as the centre sees it.
 */
class Standalone119ConsumerIT extends RunningService {

  private static Standalone119Centre centre;

  @BeforeAll
  static void startCentre() {
    centre = new Standalone119Centre(TestInfrastructure.kafka().bootstrapServers(), "杭州市119指挥中心");
  }

  @AfterAll
  static void stopCentre() throws Exception {
    centre.close();
  }

  @Test
  void aCentreWrittenFromTheAsyncApiAloneReadsAndAcknowledgesIncidents() {
    await().atMost(Duration.ofSeconds(30)).until(centre::ready);
    AlarmId alarm = AlarmId.random();
    IncidentId incident = IncidentId.forAlarm(alarm);

    Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), aConfirmedFire(alarm));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        api.get("/api/incidents/" + incident, Tokens.dispatcher119())
                            .body()
                            .at("/incident/status")
                            .asString())
                    .isEqualTo("ACKNOWLEDGED"));
    Standalone119Centre.Seen seen =
        centre.seen().stream()
            .filter(s -> s.key().equals(incident.toString()))
            .findFirst()
            .orElseThrow();
    assertThat(seen.type()).isEqualTo("fenghuo.dispatch.incident-reported.v1");
    assertThat(seen.data().get("report").get("unitAddress").asString()).isEqualTo("浙江省杭州市西湖区文三路1号");
    assertThat(seen.data().get("confirmed").asBoolean()).isTrue();

    var operatorSide =
        Bus.data(
            Bus.records(
                dispatchOf("op-a"),
                alarm.toString(),
                l -> Bus.data(l).stream().anyMatch(ReceiptReceived.class::isInstance),
                Duration.ofSeconds(20)));
    assertThat(operatorSide)
        .filteredOn(ReceiptReceived.class::isInstance)
        .singleElement()
        .satisfies(r -> assertThat(((ReceiptReceived) r).centre()).isEqualTo("杭州市119指挥中心"));
  }

  @Test
  void theCentreAnswersTheCommunicationTest() {
    await().atMost(Duration.ofSeconds(30)).until(centre::ready);
    String testId =
        api.post("/api/communication-tests", Tokens.dispatcher119(), Map.of()).get("id").asString();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              JsonNode items =
                  api.get("/api/communication-tests?size=200", Tokens.admin()).body().get("items");
              return StreamSupport.stream(items.spliterator(), false)
                  .anyMatch(
                      t ->
                          t.get("id").asString().equals(testId)
                              && t.get("status").asString().equals("PASSED"));
            });
  }

  @Test
  void confirmToIncidentLatencyUnderALightLoad() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(centre::ready);
    int fires = 200;
    Map<String, Long> sentAt = new HashMap<>();
    for (int i = 0; i < fires; i++) {
      AlarmId alarm = AlarmId.random();
      long before = System.nanoTime();
      Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), aConfirmedFire(alarm));
      sentAt.put(IncidentId.forAlarm(alarm).toString(), before);
      Thread.sleep(40); // ~20 confirmations a second: a very bad day in a large city
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                centre.seen().stream()
                        .map(Standalone119Centre.Seen::key)
                        .distinct()
                        .filter(sentAt::containsKey)
                        .count()
                    == fires);

    List<Long> micros = new ArrayList<>();
    Map<String, Boolean> counted = new HashMap<>();
    for (var s : centre.seen()) {
      Long before = sentAt.get(s.key());
      if (before != null && counted.putIfAbsent(s.key(), true) == null) {
        micros.add((s.receivedNanos() - before) / 1000);
      }
    }
    Collections.sort(micros);
    long p50 = micros.get(micros.size() / 2);
    long p99 = micros.get((int) Math.ceil(micros.size() * 0.99) - 1);
    long max = micros.get(micros.size() - 1);
    System.out.printf(
        "confirm → incident at the centre, %d fires at ~20/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        micros.size(), p50 / 1000.0, p99 / 1000.0, max / 1000.0);
    assertThat(micros).hasSize(fires);

    // The same latencies as the service exports them: Prometheus histograms.
    String metrics = api.get("/actuator/prometheus", null).body().asString();
    assertThat(metrics)
        .contains("fenghuo_dispatch_confirmation_to_publish_seconds_bucket{")
        .contains("fenghuo_dispatch_received_to_publish_seconds_bucket{")
        .contains("fenghuo_dispatch_publish_to_receipt_seconds_bucket{");
    System.out.printf(
        "service histograms: received → published mean %.1f ms, max %.1f ms;"
            + " published → receipt mean %.1f ms%n",
        mean(metrics, "fenghuo_dispatch_received_to_publish_seconds"),
        1000 * value(metrics, "fenghuo_dispatch_received_to_publish_seconds_max"),
        mean(metrics, "fenghuo_dispatch_publish_to_receipt_seconds"));
  }

  private static double mean(String metrics, String name) {
    return 1000 * value(metrics, name + "_sum") / value(metrics, name + "_count");
  }

  private static double value(String metrics, String name) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
