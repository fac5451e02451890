package io.fenghuo.inspection;

import static io.fenghuo.inspection.support.Bus.aDevice;
import static io.fenghuo.inspection.support.Bus.aHeartbeat;
import static io.fenghuo.inspection.support.Bus.aHospital;
import static io.fenghuo.inspection.support.Bus.anOperator;
import static io.fenghuo.inspection.support.Bus.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.command.CommandKind;
import io.fenghuo.contracts.command.DeviceCommandRequested;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.inspection.support.Bus;
import io.fenghuo.inspection.support.RunningService;
import io.fenghuo.testkit.Api;
import io.fenghuo.testkit.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A silent UITD goes offline and comes back; polls follow their period, changed at run time. */
class LivenessAndPollingIT extends RunningService {

  record Setup(String operator, String unit, DeviceAddress device) {
    String token() {
      return Tokens.operator(operator);
    }

    String supervisor() {
      return Tokens.operatorSupervisor(operator);
    }
  }

  Setup aUnit() {
    String operator = anOperator();
    Bus.createTopics(operator, 1);
    String unit = "U-" + operator;
    DeviceAddress device = aDevice();
    Bus.send(Stream.UNIT, envelope(operator, aHospital(unit, device, 1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from device where operator = ? and device = ?")
                        .params(operator, device.toString())
                        .query(Long.class)
                        .single()
                    == 1);
    return new Setup(operator, unit, device);
  }

  static boolean liveness(JsonNode devices, String state) {
    return devices.size() == 1 && devices.get(0).get("liveness").asString().equals(state);
  }

  @Test
  void aSilentDeviceGoesOfflineAfterItsWindowPlusToleranceAndOnlineWhenItReturns() {
    Setup s = aUnit();
    Api.Response policy =
        api.put(
            "/api/inspection-policy",
            s.supervisor(),
            Map.of("heartbeatWindow", "PT2S", "offlineTolerance", "PT1S"));
    assertThat(policy.status()).isEqualTo(200);
    String devices = "/api/devices?unit=" + s.unit();
    assertThat(api.get(devices, s.token()).body().get(0).get("liveness").asString())
        .isEqualTo("UNKNOWN");

    Bus.send(Stream.SIGNAL_TELEMETRY, envelope(s.operator(), aHeartbeat(s.device())));
    JsonNode online = awaitGet(devices, s.token(), b -> liveness(b, "ONLINE")).get(0);
    Instant lastSeen = Instant.parse(online.get("lastSeenAt").asString());

    JsonNode offline = awaitGet(devices, s.token(), b -> liveness(b, "OFFLINE")).get(0);
    // The deadline is the last signal plus window plus tolerance, to the millisecond.
    assertThat(Instant.parse(offline.get("offlineSince").asString()))
        .isEqualTo(lastSeen.plusSeconds(3));
    JsonNode fault =
        awaitGet("/api/faults", s.token(), b -> b.get("items").size() == 1).get("items").get(0);
    assertThat(fault.get("kind").asString()).isEqualTo("COMMUNICATION_FAULT");
    assertThat(fault.get("kindText").asString()).isEqualTo("通信故障");
    Instant opened = Instant.parse(fault.get("openedAt").asString());
    assertThat(opened).isAfterOrEqualTo(lastSeen.plusSeconds(3));
    assertThat(Duration.between(lastSeen.plusSeconds(3), opened)).isLessThan(Duration.ofSeconds(3));
    JsonNode board = api.get("/api/units/" + s.unit() + "/board", s.token()).body();
    assertThat(board.get("summary").get("devicesOffline").asInt()).isEqualTo(1);

    Bus.send(Stream.SIGNAL_TELEMETRY, envelope(s.operator(), aHeartbeat(s.device())));
    awaitGet(devices, s.token(), b -> liveness(b, "ONLINE"));
    JsonNode closed =
        awaitGet("/api/faults?state=closed", s.token(), b -> b.get("items").size() == 1)
            .get("items")
            .get(0);
    assertThat(closed.get("closedBy").asString()).isEqualTo("DEVICE_ONLINE");
    assertThat(api.get("/api/faults", s.token()).get("items")).isEmpty();
  }

  @Test
  void pollsRunAtTheUnitsPeriodAndAPeriodChangeTakesEffectWithoutRestart() {
    Setup s = aUnit();
    String polls = "/api/units/" + s.unit() + "/polls?limit=100";
    String period = "/api/units/" + s.unit() + "/poll-period";
    assertThat(api.get(period, s.token()).body().get("period").asString()).isEqualTo("PT1H");
    assertThat(api.get(period, s.token()).body().get("source").asString()).isEqualTo("OPERATOR");

    Api.Response set = api.put(period, s.supervisor(), Map.of("period", "PT1S"));
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.get("source").asString()).isEqualTo("UNIT");
    JsonNode list = awaitGet(polls, s.token(), b -> b.size() >= 4);
    List<Instant> times = new ArrayList<>();
    list.forEach(
        p -> {
          assertThat(p.get("kind").asString()).isEqualTo("READ_UITD_STATE");
          assertThat(p.get("trigger").asString()).isEqualTo("SCHEDULED");
          times.add(Instant.parse(p.get("requestedAt").asString()));
        });
    for (int i = 0; i + 1 < times.size(); i++) {
      assertThat(Duration.between(times.get(i + 1), times.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    // The gateway answers one poll; the result is recorded on it. Others end without a result.
    List<DeviceCommandRequested> sent =
        Bus.commands(s.operator(), s.device(), CommandKind.READ_UITD_STATE, Duration.ofSeconds(1));
    assertThat(sent).isNotEmpty();
    DeviceCommandRequested first = sent.get(0);
    assertThat(first.expiresAt()).isAfter(first.requestedAt());
    Bus.send(Stream.DEVICE_COMMAND_RESULT, envelope(s.operator(), Bus.answered(first)));
    JsonNode recorded =
        awaitGet(
            polls,
            s.token(),
            b -> {
              boolean answered = false;
              boolean noResult = false;
              for (JsonNode p : b) {
                answered |=
                    p.get("commandId").asString().equals(first.commandId())
                        && "ANSWERED".equals(p.get("outcome").asString());
                noResult |= "NO_RESULT".equals(p.get("outcome").asString());
              }
              return answered && noResult;
            });
    assertThat(recorded).isNotEmpty();

    // Two hours: no poll more in the next seconds.
    assertThat(api.put(period, s.supervisor(), Map.of("period", "PT2H")).status()).isEqualTo(200);
    int before = pollCount(s);
    await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
    assertThat(pollCount(s)).isLessThanOrEqualTo(before + 1);
    JsonNode device = api.get("/api/devices?unit=" + s.unit(), s.token()).body().get(0);
    Instant next = Instant.parse(device.get("nextPollAt").asString());
    Instant last = Instant.parse(device.get("lastPollAt").asString());
    assertThat(Duration.between(last, next)).isEqualTo(Duration.ofHours(2));

    // Back to the operator's period, and a poll on demand: UITD and system read at once.
    assertThat(api.delete(period, s.supervisor()).get("source").asString()).isEqualTo("OPERATOR");
    Api.Response now = api.post("/api/units/" + s.unit() + "/polls", s.token(), "");
    assertThat(now.status()).isEqualTo(202);
    assertThat(now.body()).hasSize(2);
    assertThat(now.body().get(0).get("trigger").asString()).isEqualTo("ON_DEMAND");
  }

  private int pollCount(Setup s) {
    return jdbc.sql("select count(*) from poll where operator = ? and trigger = 'SCHEDULED'")
        .param(s.operator())
        .query(Integer.class)
        .single();
  }
}
