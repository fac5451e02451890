package io.fenghuo.alarm;

import static io.fenghuo.alarm.support.Bus.aDevice;
import static io.fenghuo.alarm.support.Bus.aFireAlarm;
import static io.fenghuo.alarm.support.Bus.aHospital;
import static io.fenghuo.alarm.support.Bus.anOperator;
import static io.fenghuo.alarm.support.Bus.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.alarm.support.Bus;
import io.fenghuo.alarm.support.RunningService;
import io.fenghuo.contracts.dispatch.DispatchProgressReported;
import io.fenghuo.contracts.dispatch.ForwardPath;
import io.fenghuo.contracts.dispatch.IncidentForwarded;
import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.contracts.dispatch.IncidentUnacknowledged;
import io.fenghuo.contracts.dispatch.ReceiptReceived;
import io.fenghuo.contracts.dispatch.ReceiptStatus;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.testkit.Api;
import io.fenghuo.testkit.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dispatch-119 service's reports on the operator's {@code fire.op.<op>.dispatch} stream end up
 * on the confirmed alarm's timeline once each (also when Kafka delivers one again) and in the
 * {@code dispatch} block of the alarm detail.
 */
class DispatchFeedbackIT extends RunningService {

  record Confirmed(String operator, String token, AlarmId alarm, UnitId unit) {}

  /** A fire alarm of a fresh operator, claimed and confirmed as a true fire through the API. */
  Confirmed aConfirmedFire() {
    String operator = anOperator();
    Bus.createTopics(operator);
    String unit = "U-" + operator;
    DeviceAddress device = aDevice();
    Bus.send(Stream.UNIT, envelope(operator, aHospital(unit, device, 1001)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from unit_device where operator = ?")
                        .param(operator)
                        .query(Long.class)
                        .single()
                    == 1);
    String token = Tokens.operator(operator);
    Bus.send(Stream.SIGNAL_ALARM, envelope(operator, aFireAlarm(device, 1001)));
    String[] id = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Api.Response queue = api.get("/api/alarms/queue", token);
              if (queue.status() != 200 || queue.get("items").size() != 1) {
                return false;
              }
              id[0] = queue.get("items").get(0).get("id").asString();
              return true;
            });
    assertThat(api.post("/api/alarms/" + id[0] + "/claim", token, "").status()).isEqualTo(200);
    assertThat(
            api.post("/api/alarms/" + id[0] + "/confirm", token, Map.of("fireSize", "小")).status())
        .isEqualTo(200);
    return new Confirmed(operator, token, AlarmId.of(id[0]), UnitId.of(unit));
  }

  JsonNode awaitDetail(Confirmed c, String until) {
    JsonNode[] body = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              body[0] = api.get("/api/alarms/" + c.alarm(), c.token()).body();
              return body[0].toString().contains(until);
            });
    return body[0];
  }

  static List<String> feedback(JsonNode detail) {
    List<String> lines = new ArrayList<>();
    detail
        .get("timeline")
        .forEach(
            e -> {
              if (e.get("kind").asString().equals("DISPATCH_FEEDBACK")) {
                lines.add(e.get("actor").asString() + " | " + e.get("detail").asString());
              }
            });
    return lines;
  }

  @Test
  void forwardReceiptAndProgressAreOnTheTimelineOnceEvenWhenRedelivered() {
    Confirmed c = aConfirmedFire();
    IncidentId incident = IncidentId.forAlarm(c.alarm());
    Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    EventEnvelope<IncidentForwarded> kafka =
        envelope(
            c.operator(),
            new IncidentForwarded(
                c.alarm(), incident, c.unit(), true, 1, 1, ForwardPath.KAFKA, t, 42L));
    EventEnvelope<IncidentForwarded> webhook =
        envelope(
            c.operator(),
            new IncidentForwarded(
                c.alarm(),
                incident,
                c.unit(),
                true,
                1,
                1,
                ForwardPath.WEBHOOK,
                t.plusMillis(30),
                null));
    EventEnvelope<ReceiptReceived> receipt =
        envelope(
            c.operator(),
            new ReceiptReceived(
                c.alarm(),
                incident,
                c.unit(),
                t.plusSeconds(2),
                t.plusSeconds(2),
                "dispatcher-07",
                "杭州市119指挥中心",
                null,
                2000L));
    EventEnvelope<DispatchProgressReported> dispatched =
        envelope(
            c.operator(),
            new DispatchProgressReported(
                c.alarm(),
                incident,
                c.unit(),
                ReceiptStatus.UNITS_DISPATCHED,
                t.plusSeconds(20),
                t.plusSeconds(20),
                "dispatcher-07",
                "杭州市119指挥中心",
                "西湖消防站出动 2 车"));

    // Each record twice (a redelivery keeps its ce_id), in stream order.
    Bus.send(
        Stream.DISPATCH, kafka, kafka, webhook, receipt, receipt, webhook, dispatched, dispatched);
    JsonNode detail = awaitDetail(c, "西湖消防站出动 2 车");

    assertThat(feedback(detail))
        .containsExactly(
            "system | 已转发 119（Kafka 通道，第 1 版第 1 次发送，确认至转发 42 ms）",
            "system | 已转发 119（Webhook 通道，第 1 版第 1 次发送）",
            "dispatcher-07 | 119 已签收（接警确认） · 杭州市119指挥中心，转发至签收 2000 ms",
            "dispatcher-07 | 119 调度进展：已出动 · 杭州市119指挥中心：西湖消防站出动 2 车");
    JsonNode dispatch = detail.get("dispatch");
    assertThat(dispatch.get("status").asString()).isEqualTo("UNITS_DISPATCHED");
    assertThat(dispatch.get("progressStage").asString()).isEqualTo("UNITS_DISPATCHED");
    assertThat(dispatch.get("incidentId").asString()).isEqualTo(incident.toString());
    assertThat(dispatch.get("confirmed").asBoolean()).isTrue();
    assertThat(dispatch.get("attempts").asInt()).isEqualTo(1);
    assertThat(Instant.parse(dispatch.get("acknowledgedAt").asString()))
        .isEqualTo(t.plusSeconds(2));
    assertThat(dispatch.get("acknowledgedBy").asString()).isEqualTo("dispatcher-07");
    assertThat(dispatch.get("mustCall119").asBoolean()).isFalse();
    // The timeline before the feedback is the operator's own, unchanged.
    assertThat(detail.get("timeline").get(0).get("kind").asString()).isEqualTo("RAISED");
    assertThat(detail.get("state").asString()).isEqualTo("CONFIRMED");
  }

  @Test
  void withoutAReceiptTheOperatorIsToldToCall119AndALateReceiptStillCounts() {
    Confirmed c = aConfirmedFire();
    IncidentId incident = IncidentId.forAlarm(c.alarm());
    Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Bus.send(
        Stream.DISPATCH,
        envelope(
            c.operator(),
            new IncidentForwarded(
                c.alarm(), incident, c.unit(), true, 1, 1, ForwardPath.KAFKA, t, 12L)),
        envelope(
            c.operator(),
            new IncidentForwarded(
                c.alarm(),
                incident,
                c.unit(),
                true,
                1,
                2,
                ForwardPath.KAFKA,
                t.plusSeconds(10),
                null)),
        envelope(
            c.operator(),
            new IncidentUnacknowledged(
                c.alarm(),
                incident,
                c.unit(),
                t,
                2,
                t.plusSeconds(20),
                "119",
                "119 未确认接警，请立即拨打 119 报警 (119 has not acknowledged — call 119 now)")));
    JsonNode detail = awaitDetail(c, "UNACKNOWLEDGED");

    JsonNode dispatch = detail.get("dispatch");
    assertThat(dispatch.get("status").asString()).isEqualTo("UNACKNOWLEDGED");
    assertThat(dispatch.get("mustCall119").asBoolean()).isTrue();
    assertThat(dispatch.get("centrePhone").asString()).isEqualTo("119");
    assertThat(dispatch.get("attempts").asInt()).isEqualTo(2);
    assertThat(feedback(detail))
        .containsExactly(
            "system | 已转发 119（Kafka 通道，第 1 版第 1 次发送，确认至转发 12 ms）",
            "system | 已转发 119（Kafka 通道，第 1 版第 2 次发送，未收到签收后重发）",
            "system | 119 未确认接警，请立即拨打 119 报警 (119 has not acknowledged — call 119 now)"
                + " 电话 119（已发送 2 次，均未签收）");

    Bus.send(
        Stream.DISPATCH,
        envelope(
            c.operator(),
            new ReceiptReceived(
                c.alarm(),
                incident,
                c.unit(),
                t.plusSeconds(40),
                t.plusSeconds(40),
                null,
                null,
                null,
                null)));
    JsonNode late = awaitDetail(c, "\"ACKNOWLEDGED\"");
    assertThat(late.get("dispatch").get("mustCall119").asBoolean()).isFalse();
    assertThat(feedback(late)).last().isEqualTo("119 | 119 已签收（接警确认）");
  }

  @Test
  void anotherOperatorsStreamCannotWriteOnTheAlarm() {
    Confirmed c = aConfirmedFire();
    String intruder = anOperator();
    Bus.createTopics(intruder);
    Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    EventEnvelope<IncidentUnacknowledged> forged =
        envelope(
            intruder,
            new IncidentUnacknowledged(
                c.alarm(), IncidentId.forAlarm(c.alarm()), c.unit(), t, 2, t, "119", "forged"));
    Bus.send(Stream.DISPATCH, forged);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from processed_event where event_id = ?")
                        .param(forged.id())
                        .query(Long.class)
                        .single()
                    == 1);
    // A record the service does process afterwards, on the alarm's own operator's stream.
    Bus.send(
        Stream.DISPATCH,
        envelope(
            c.operator(),
            new IncidentForwarded(
                c.alarm(),
                IncidentId.forAlarm(c.alarm()),
                c.unit(),
                true,
                1,
                1,
                ForwardPath.KAFKA,
                t,
                5L)));
    JsonNode detail = awaitDetail(c, "确认至转发 5 ms");
    assertThat(detail.toString()).doesNotContain("forged");
    assertThat(detail.get("dispatch").get("status").asString()).isEqualTo("FORWARDED");
  }
}
