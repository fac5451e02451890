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
import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.alarm.AlarmEscalated;
import io.fenghuo.contracts.alarm.AlarmForwardedUnconfirmed;
import io.fenghuo.contracts.alarm.ConfirmationMethod;
import io.fenghuo.contracts.alarm.FireReport;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.signal.FireAlarmRaised;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.unit.UnitCategory;
import io.fenghuo.testkit.Api;
import io.fenghuo.testkit.Schemas;
import io.fenghuo.testkit.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Signals on the real bus to alarms in the queue, the workflow, and alarm.confirmed out. */
class AlarmFlowIT extends RunningService {

  /** A unit of a fresh operator, in the read model, with its device. */
  record Setup(String operator, String unit, DeviceAddress device) {}

  Setup aUnitWithDetectors(long... components) {
    String operator = anOperator();
    Bus.createTopics(operator);
    String unit = "U-" + operator;
    DeviceAddress device = aDevice();
    Bus.send(Stream.UNIT, envelope(operator, aHospital(unit, device, components)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from unit_device where operator = ? and device = ?")
                        .params(operator, device.toString())
                        .query(Long.class)
                        .single()
                    == 1);
    return new Setup(operator, unit, device);
  }

  JsonNode awaitQueue(String token, int items) {
    JsonNode[] body = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Api.Response r = api.get("/api/alarms/queue", token);
              body[0] = r.body();
              return r.status() == 200 && r.get("items").size() == items;
            });
    return body[0];
  }

  @Test
  void aFireAlarmIsQueuedEnrichedAndConfirmedOnceWithTheWholeFireReport() {
    Setup s = aUnitWithDetectors(1001);
    String token = Tokens.operator(s.operator());
    Bus.send(Stream.SIGNAL_ALARM, envelope(s.operator(), aFireAlarm(s.device(), 1001)));

    JsonNode card = awaitQueue(token, 1).get("items").get(0);
    assertThat(card.get("unitName").asString()).isEqualTo("西湖区人民医院");
    assertThat(card.get("unitAddress").asString()).isEqualTo("浙江省杭州市西湖区文三路1号");
    assertThat(card.get("category").asString()).isEqualTo("FIRE");
    assertThat(card.get("state").asString()).isEqualTo("OPEN");
    assertThat(card.get("firstPointLocation").asString()).isEqualTo("3层东侧走廊 1001");
    assertThat(card.get("firstPointComponent").asString()).isEqualTo("感烟火灾探测器");
    String id = card.get("id").asString();

    assertThat(api.post("/api/alarms/" + id + "/claim", token, "").status()).isEqualTo(200);
    assertThat(
            api.post(
                    "/api/alarms/" + id + "/calls",
                    token,
                    Map.of(
                        "contactName", "消防控制室", "phone", "0571-88000119", "outcome", "NO_ANSWER"))
                .status())
        .isEqualTo(201);
    assertThat(
            api.post(
                    "/api/alarms/" + id + "/calls",
                    token,
                    Map.of("contactName", "张伟", "phone", "13900000003", "outcome", "ANSWERED"))
                .status())
        .isEqualTo(201);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("burningMaterial", "纸箱");
    form.put("fireSize", "小");
    form.put("caller", "张伟");
    form.put("callerPhone", "13900000003");
    form.put("notes", "值班员到场确认有明火");
    Api.Response confirmed = api.post("/api/alarms/" + id + "/confirm", token, form);

    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.get("state").asString()).isEqualTo("CONFIRMED");
    assertThat(confirmed.get("result").get("verdict").asString()).isEqualTo("TRUE_FIRE");
    assertThat(confirmed.get("calls")).hasSize(2);
    assertThat(confirmed.get("contacts").get(0).get("role").asString()).isEqualTo("消防控制室");
    List<String> kinds = new ArrayList<>();
    confirmed.get("timeline").forEach(e -> kinds.add(e.get("kind").asString()));
    assertThat(kinds).containsExactly("RAISED", "CLAIMED", "CALL", "CALL", "CONFIRMED");
    assertThat(api.get("/api/alarms/queue", token).get("items")).isEmpty();

    List<EventEnvelope<FenghuoEvent>> stream = Bus.alarmStream(s.operator(), Duration.ofSeconds(3));
    List<AlarmConfirmed> confirmations =
        stream.stream()
            .map(EventEnvelope::data)
            .filter(AlarmConfirmed.class::isInstance)
            .map(AlarmConfirmed.class::cast)
            .toList();
    assertThat(confirmations).hasSize(1);
    AlarmConfirmed c = confirmations.get(0);
    assertThat(Schemas.errors(EventType.ALARM_CONFIRMED, c)).isEmpty();
    assertThat(c.alarmId().toString()).isEqualTo(id);
    assertThat(c.unit().value()).isEqualTo(s.unit());
    assertThat(c.confirmedBy()).isEqualTo(s.operator() + "-operator");
    assertThat(c.method()).isEqualTo(ConfirmationMethod.PHONE_CONFIRMED);
    FireReport r = c.report();
    assertThat(r.unitName()).isEqualTo("西湖区人民医院");
    assertThat(r.unitCategory()).isEqualTo(UnitCategory.CROWDED_PLACE);
    assertThat(r.unitAddress()).isEqualTo("浙江省杭州市西湖区文三路1号");
    assertThat(r.district()).isEqualTo("330106");
    assertThat(r.coordinates()).isEqualTo(new FireReport.Coordinates(30.2741, 120.1551));
    assertThat(r.building()).isEqualTo("1号楼");
    assertThat(r.floor()).isEqualTo(3);
    assertThat(r.fireLocation()).isEqualTo("3层东侧走廊 1001");
    assertThat(r.burningMaterial()).isEqualTo("纸箱");
    assertThat(r.fireSize()).isEqualTo("小");
    assertThat(r.caller()).isEqualTo("张伟");
    assertThat(r.callerPhone()).isEqualTo("13900000003");
    assertThat(r.contacts())
        .extracting(FireReport.Contact::order, FireReport.Contact::phone)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple(1, "0571-88000119"),
            org.assertj.core.groups.Tuple.tuple(2, "13900000003"));
    assertThat(r.device()).isEqualTo(s.device());
    assertThat(r.points()).containsExactly(PointRef.component(1, 1, 40, 1001));
    assertThat(stream)
        .extracting(e -> e.type().wireName())
        .containsExactly(
            "fenghuo.alarm.raised.v1", "fenghuo.alarm.claimed.v1", "fenghuo.alarm.confirmed.v1");
    for (EventEnvelope<FenghuoEvent> e : stream) {
      assertThat(Schemas.errors(e.type(), e.data())).as(e.type().wireName()).isEmpty();
    }
  }

  @Test
  void anotherOperatorSeesNothingAndRolesGetWhatTheApiSays() {
    Setup s = aUnitWithDetectors(7);
    String other = anOperator();
    Bus.send(Stream.SIGNAL_ALARM, envelope(s.operator(), aFireAlarm(s.device(), 7)));
    String id =
        awaitQueue(Tokens.operator(s.operator()), 1).get("items").get(0).get("id").asString();

    assertThat(api.get("/api/alarms/" + id, Tokens.operator(other)).status()).isEqualTo(404);
    assertThat(api.post("/api/alarms/" + id + "/claim", Tokens.operator(other), "").status())
        .isEqualTo(404);
    assertThat(api.get("/api/alarms/queue", Tokens.operator(other)).get("items")).isEmpty();
    assertThat(api.get("/api/alarms?size=50", Tokens.operator(other)).get("total").asLong())
        .isZero();

    assertThat(api.get("/api/alarms/" + id, Tokens.supervision()).status()).isEqualTo(200);
    assertThat(api.post("/api/alarms/" + id + "/claim", Tokens.supervision(), "").status())
        .isEqualTo(403);
    assertThat(api.get("/api/alarms/" + id, Tokens.unitManager(s.unit())).status()).isEqualTo(200);
    assertThat(api.get("/api/alarms/queue", Tokens.unitManager(s.unit())).get("items")).hasSize(1);
    assertThat(api.get("/api/alarms/" + id, Tokens.unitManager("U-other")).status()).isEqualTo(404);
    assertThat(api.post("/api/alarms/" + id + "/claim", Tokens.unitManager(s.unit()), "").status())
        .isEqualTo(403);
    assertThat(api.get("/api/alarms/" + id, Tokens.dispatcher119()).status()).isEqualTo(403);
    assertThat(api.get("/api/alarms/queue", Tokens.admin()).status()).isEqualTo(400);
    assertThat(api.get("/api/alarms/queue?operator=" + s.operator(), Tokens.admin()).get("items"))
        .hasSize(1);
    assertThat(api.get("/api/alarms/queue", null).status()).isEqualTo(401);

    // Two seats of the same operator: the second sees who holds it and cannot claim it.
    assertThat(api.post("/api/alarms/" + id + "/claim", Tokens.operator(s.operator()), "").status())
        .isEqualTo(200);
    String seat2 = Tokens.sign("seat-2", List.of("operator"), s.operator(), null);
    Api.Response refused = api.post("/api/alarms/" + id + "/claim", seat2, "");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.get("detail").asString()).contains(s.operator() + "-operator");
    assertThat(
            api.post(
                    "/api/alarms/" + id + "/claim?takeOver=true",
                    Tokens.operatorSupervisor(s.operator()),
                    "")
                .get("claimedBy")
                .asString())
        .isEqualTo(s.operator() + "-supervisor");
  }

  @Test
  void fiftyPointsOfOneUnitFormOneAlarmAndAnotherUnitsFireIsOnTop() {
    long[] components = new long[50];
    for (int i = 0; i < 50; i++) {
      components[i] = 5000 + i;
    }
    Setup flooding = aUnitWithDetectors(components);
    String token = Tokens.operator(flooding.operator());
    DeviceAddress otherDevice = aDevice();
    Bus.send(
        Stream.UNIT,
        envelope(flooding.operator(), aHospital("U-B-" + flooding.operator(), otherDevice, 1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from unit_device where device = ?")
                        .param(otherDevice.toString())
                        .query(Long.class)
                        .single()
                    == 1);

    List<EventEnvelope<?>> storm = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      storm.add(envelope(flooding.operator(), aFireAlarm(flooding.device(), components[i])));
      if (i == 25) {
        storm.add(envelope(flooding.operator(), aFireAlarm(otherDevice, 1)));
      }
    }
    Bus.send(Stream.SIGNAL_ALARM, storm.toArray(EventEnvelope[]::new));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonNode items = api.get("/api/alarms/queue", token).get("items");
              int points = 0;
              for (JsonNode i : items) {
                points += i.get("pointCount").asInt();
              }
              return points == 51;
            });
    JsonNode queue = api.get("/api/alarms/queue", token).body();
    assertThat(queue.get("items")).hasSize(2);
    assertThat(queue.get("items").get(0).get("unitId").asString())
        .isEqualTo("U-B-" + flooding.operator());
    assertThat(queue.get("items").get(1).get("pointCount").asInt()).isEqualTo(50);
    assertThat(queue.get("items").get(1).get("flood").asBoolean()).isTrue();
    assertThat(queue.get("flood").get("active").asBoolean()).isTrue();
    String id = queue.get("items").get(1).get("id").asString();
    assertThat(api.get("/api/alarms/" + id, token).get("points")).hasSize(50);
  }

  @Test
  void aDuplicatedSignalNeverDuplicatesAnAlarmOrAPoint() {
    Setup s = aUnitWithDetectors(9);
    String token = Tokens.operator(s.operator());
    EventEnvelope<FireAlarmRaised> signal = envelope(s.operator(), aFireAlarm(s.device(), 9));
    Bus.send(Stream.SIGNAL_ALARM, signal, signal, signal);
    EventEnvelope<FireAlarmRaised> marker = envelope(s.operator(), aFireAlarm(s.device(), 10));
    Bus.send(Stream.SIGNAL_ALARM, marker, signal);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonNode items = api.get("/api/alarms/queue", token).get("items");
              return items.size() == 1 && items.get(0).get("pointCount").asInt() == 2;
            });
    String id = api.get("/api/alarms/queue", token).get("items").get(0).get("id").asString();
    JsonNode detail = api.get("/api/alarms/" + id, token).body();
    assertThat(detail.get("points")).hasSize(2);
    detail.get("points").forEach(p -> assertThat(p.get("count").asInt()).isEqualTo(1));
    assertThat(api.get("/api/alarms?size=50", token).get("total").asLong()).isEqualTo(1);
  }

  @Test
  void escalatesAtTheConfiguredTimesAndForwardsAnUnconfirmedFireOnce() {
    Setup s = aUnitWithDetectors(3);
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("unclaimedAfter", "PT1S");
    policy.put("unconfirmedAfter", "PT3S");
    policy.put("claimIdleTimeout", "PT2M");
    policy.put("forwardUnconfirmedTo119", true);
    policy.put("groupingWindow", "PT10M");
    policy.put("floodPoints", 20);
    policy.put("floodWindow", "PT2M");
    Api.Response saved =
        api.put("/api/alarm-policy", Tokens.operatorSupervisor(s.operator()), policy);
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.get("unclaimedAfter").asString()).isEqualTo("PT1S");
    assertThat(api.put("/api/alarm-policy", Tokens.operator(s.operator()), policy).status())
        .isEqualTo(403);

    Bus.send(Stream.SIGNAL_ALARM, envelope(s.operator(), aFireAlarm(s.device(), 3)));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Bus.alarmStream(s.operator(), Duration.ofMillis(500)).stream()
                    .anyMatch(e -> e.data() instanceof AlarmForwardedUnconfirmed));
    List<EventEnvelope<FenghuoEvent>> stream = Bus.alarmStream(s.operator(), Duration.ofSeconds(3));
    List<Integer> levels =
        stream.stream()
            .map(EventEnvelope::data)
            .filter(AlarmEscalated.class::isInstance)
            .map(e -> ((AlarmEscalated) e).level())
            .toList();
    assertThat(levels).containsExactly(1, 2);
    List<AlarmForwardedUnconfirmed> forwards =
        stream.stream()
            .map(EventEnvelope::data)
            .filter(AlarmForwardedUnconfirmed.class::isInstance)
            .map(AlarmForwardedUnconfirmed.class::cast)
            .toList();
    assertThat(forwards).hasSize(1);
    assertThat(forwards.get(0).confirmed()).isFalse();
    assertThat(forwards.get(0).report().unitName()).isEqualTo("西湖区人民医院");
    assertThat(Schemas.errors(EventType.ALARM_FORWARDED_UNCONFIRMED, forwards.get(0))).isEmpty();
    JsonNode card = api.get("/api/alarms/queue", Tokens.operator(s.operator())).get("items").get(0);
    assertThat(card.get("escalationLevel").asInt()).isEqualTo(2);
    assertThat(card.get("forwardedUnconfirmed").asBoolean()).isTrue();
  }

  @Test
  void badRequestsGetAClearAnswerAndChangeNothing() {
    Setup s = aUnitWithDetectors(4);
    String token = Tokens.operator(s.operator());
    Bus.send(Stream.SIGNAL_ALARM, envelope(s.operator(), aFireAlarm(s.device(), 4)));
    String id = awaitQueue(token, 1).get("items").get(0).get("id").asString();

    Api.Response unclaimed = api.post("/api/alarms/" + id + "/confirm", token, Map.of());
    assertThat(unclaimed.status()).isEqualTo(409);
    assertThat(unclaimed.get("detail").asString()).contains("claim the alarm first");
    assertThat(api.get("/api/alarms/not-a-uuid", token).status()).isEqualTo(400);
    assertThat(api.post("/api/alarms/" + id + "/claim", token, "").status()).isEqualTo(200);
    Api.Response noCause =
        api.post("/api/alarms/" + id + "/dismiss", token, Map.of("verdict", "FALSE_ALARM"));
    assertThat(noCause.status()).isEqualTo(400);
    assertThat(noCause.get("detail").asString()).contains("cause");
    Api.Response badOutcome =
        api.post("/api/alarms/" + id + "/calls", token, Map.of("phone", "119", "outcome", "MAYBE"));
    assertThat(badOutcome.status()).isEqualTo(400);
    assertThat(badOutcome.get("detail").asString()).contains("outcome");
    assertThat(api.post("/api/alarms/" + id + "/calls", token, "{not json").status())
        .isEqualTo(400);
    assertThat(api.post("/api/alarms/" + id + "/notes", token, Map.of("text", " ")).status())
        .isEqualTo(400);

    JsonNode detail = api.get("/api/alarms/" + id, token).body();
    assertThat(detail.get("state").asString()).isEqualTo("CLAIMED");
    assertThat(detail.get("calls")).isEmpty();
    List<String> kinds = new ArrayList<>();
    detail.get("timeline").forEach(e -> kinds.add(e.get("kind").asString()));
    assertThat(kinds).containsExactly("RAISED", "CLAIMED");

    Api.Response dismissed =
        api.post(
            "/api/alarms/" + id + "/dismiss",
            token,
            Map.of("verdict", "FALSE_ALARM", "cause", "DUST", "notes", "厨房油烟"));
    assertThat(dismissed.status()).isEqualTo(200);
    assertThat(dismissed.get("falseAlarmRate").get("unit").get("falseAlarms").asLong())
        .isEqualTo(1);
    assertThat(api.post("/api/alarms/" + id + "/claim", token, "").status()).isEqualTo(409);
  }
}
