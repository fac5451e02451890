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
import io.fenghuo.contracts.alarm.AlarmEvent;
import io.fenghuo.contracts.alarm.AlarmRaised;
import io.fenghuo.contracts.alarm.AlarmUnitAttached;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.testkit.Api;
import io.fenghuo.testkit.Schemas;
import io.fenghuo.testkit.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A fire from a device whose unit the service has not read yet (the unit stream is behind, or the
 * device is bound later): the fire is queued at once without its unit, and the same alarm gets its
 * unit when the binding arrives (issue 7, found by the e2e crash test at start-up).
 */
class LateUnitIT extends RunningService {

  @Test
  void aFireBeforeItsUnitIsQueuedFlaggedAndTheSameAlarmGetsItsUnitWhenTheBindingArrives() {
    String operator = anOperator();
    Bus.createTopics(operator);
    String token = Tokens.operator(operator);
    String unit = "U-" + operator;
    DeviceAddress device = aDevice();
    DeviceAddress neverBound = aDevice();

    // The fire comes first: the service knows neither device.
    Bus.send(
        Stream.SIGNAL_ALARM,
        envelope(operator, aFireAlarm(device, 1001)),
        envelope(operator, aFireAlarm(neverBound, 7)));
    JsonNode before = awaitQueue(token, 2);
    JsonNode card = cardOf(before, device);
    assertThat(card.get("unitId").isNull()).isTrue();
    assertThat(card.get("unitName").isNull()).isTrue();
    assertThat(card.get("unitUnknown").asBoolean()).isTrue();
    assertThat(card.get("category").asString()).isEqualTo("FIRE");
    String id = card.get("id").asString();
    JsonNode unbound = api.get("/api/alarms/" + id, token).body();
    assertThat(unbound.get("contacts")).isEmpty();
    assertThat(unbound.get("timeline").get(0).get("detail").asString()).contains("未绑定设备");
    assertThat(api.get("/api/alarms/queue", Tokens.unitManager(unit)).get("items")).isEmpty();

    // The binding arrives afterwards.
    Bus.send(Stream.UNIT, envelope(operator, aHospital(unit, device, 1001, 1002)));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                unit.equals(
                    cardOf(api.get("/api/alarms/queue", token).body(), device)
                        .path("unitId")
                        .asString(null)));
    JsonNode after = api.get("/api/alarms/queue", token).body();
    assertThat(after.get("items")).as("no second alarm").hasSize(2);
    JsonNode attached = cardOf(after, device);
    assertThat(attached.get("id").asString()).isEqualTo(id);
    assertThat(attached.get("unitUnknown").asBoolean()).isFalse();
    assertThat(attached.get("unitName").asString()).isEqualTo("西湖区人民医院");
    assertThat(attached.get("unitAddress").asString()).isEqualTo("浙江省杭州市西湖区文三路1号");
    assertThat(attached.get("firstPointLocation").asString()).isEqualTo("3层东侧走廊 1001");
    JsonNode other = cardOf(after, neverBound);
    assertThat(other.get("unitUnknown").asBoolean()).as("a device bound to no unit").isTrue();
    assertThat(other.get("device").asString()).isEqualTo(neverBound.toString());

    JsonNode detail = api.get("/api/alarms/" + id, token).body();
    assertThat(detail.get("unit").get("name").asString()).isEqualTo("西湖区人民医院");
    assertThat(detail.get("contacts").get(0).get("role").asString()).isEqualTo("消防控制室");
    assertThat(detail.get("contacts").get(0).get("phone").asString()).isEqualTo("0571-88000119");
    assertThat(detail.get("actionPlan").get("category").asString()).isEqualTo("CROWDED_PLACE");
    assertThat(detail.get("actionPlan").get("steps")).isNotEmpty();
    assertThat(detail.get("points").get(0).get("location").asString()).isEqualTo("3层东侧走廊 1001");
    assertThat(detail.get("points").get(0).get("building").asString()).isEqualTo("1号楼");
    List<String> kinds = new ArrayList<>();
    detail.get("timeline").forEach(e -> kinds.add(e.get("kind").asString()));
    assertThat(kinds).containsExactly("RAISED", "UNIT_ATTACHED");
    JsonNode entry = detail.get("timeline").get(1);
    assertThat(entry.get("actor").asString()).isEqualTo("system");
    assertThat(entry.get("detail").asString()).contains(unit);
    assertThat(api.get("/api/alarms/queue", Tokens.unitManager(unit)).get("items")).hasSize(1);

    // The alarm is now in its unit's grouping: the unit's next fire joins it.
    Bus.send(Stream.SIGNAL_ALARM, envelope(operator, aFireAlarm(device, 1002)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cardOf(api.get("/api/alarms/queue", token).body(), device).get("pointCount").asInt()
                    == 2);
    assertThat(api.get("/api/alarms/queue", token).get("items")).hasSize(2);

    // On the alarm stream: raised once without its unit, then attached to it; never a second alarm.
    List<AlarmEvent> lifecycle = new ArrayList<>();
    for (EventEnvelope<FenghuoEvent> e : Bus.alarmStream(operator, Duration.ofSeconds(3))) {
      assertThat(Schemas.errors(e.type(), e.data())).as(e.type().wireName()).isEmpty();
      if (e.data() instanceof AlarmEvent a && a.alarmId().toString().equals(id)) {
        lifecycle.add(a);
      }
    }
    assertThat(lifecycle)
        .filteredOn(AlarmRaised.class::isInstance)
        .singleElement()
        .satisfies(r -> assertThat(r.unit()).isNull());
    AlarmUnitAttached announced =
        (AlarmUnitAttached)
            lifecycle.stream()
                .filter(AlarmUnitAttached.class::isInstance)
                .findFirst()
                .orElseThrow();
    assertThat(lifecycle).filteredOn(AlarmUnitAttached.class::isInstance).hasSize(1);
    assertThat(announced.unit().value()).isEqualTo(unit);
    assertThat(announced.device()).isEqualTo(device);
    assertThat(announced.unitName()).isEqualTo("西湖区人民医院");
    assertThat(announced.location()).isEqualTo("3层东侧走廊 1001");
  }

  @Test
  void readinessWaitsForTheUnitStream() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/actuator/health/readiness", null).status() == 200);
    Api.Response readiness = api.get("/actuator/health/readiness", null);
    assertThat(readiness.get("status").asString()).isEqualTo("UP");
    assertThat(readiness.get("components").get("unitStream").get("status").asString())
        .isEqualTo("UP");
  }

  private JsonNode awaitQueue(String token, int items) {
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

  private static JsonNode cardOf(JsonNode queue, DeviceAddress device) {
    for (JsonNode c : queue.path("items")) {
      if (device.toString().equals(c.path("device").asString())) {
        return c;
      }
    }
    return Api.JSON.createObjectNode();
  }
}
