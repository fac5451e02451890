package io.fenghuo.inspection;

import static io.fenghuo.inspection.support.Bus.aComponentState;
import static io.fenghuo.inspection.support.Bus.aDevice;
import static io.fenghuo.inspection.support.Bus.aHospital;
import static io.fenghuo.inspection.support.Bus.aSystemState;
import static io.fenghuo.inspection.support.Bus.anOperator;
import static io.fenghuo.inspection.support.Bus.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.fault.FaultClosed;
import io.fenghuo.contracts.fault.FaultEscalated;
import io.fenghuo.contracts.fault.FaultOpened;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.signal.OperationFlag;
import io.fenghuo.contracts.signal.OperationRecorded;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.signal.StatusChanged;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.inspection.support.Bus;
import io.fenghuo.inspection.support.RunningService;
import io.fenghuo.testkit.Api;
import io.fenghuo.testkit.Schemas;
import io.fenghuo.testkit.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Status signals on the real bus to the board and fault records, and fault events out. */
class InspectionFlowIT extends RunningService {

  /** A unit of a fresh operator, in the read model, with its device. */
  record Setup(String operator, String unit, DeviceAddress device) {
    String token() {
      return Tokens.operator(operator);
    }
  }

  Setup aUnitWithDetectors(long... components) {
    String operator = anOperator();
    Bus.createTopics(operator, 1);
    String unit = "U-" + operator;
    DeviceAddress device = aDevice();
    Bus.send(Stream.UNIT, envelope(operator, aHospital(unit, device, components)));
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

  static JsonNode point(JsonNode board, long component) {
    for (JsonNode b : board.get("buildings")) {
      for (JsonNode f : b.get("floors")) {
        for (JsonNode p : f.get("points")) {
          if (p.get("point").get("componentAddress").asLong() == component) {
            return p;
          }
        }
      }
    }
    throw new AssertionError("no point " + component + " on the board");
  }

  static <T> List<T> events(String operator, Class<T> type) {
    return Bus.read(operator, Stream.FAULT, Duration.ofSeconds(2)).stream()
        .map(EventEnvelope::data)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  void putPolicy(Setup s, Map<String, Object> policy) {
    Api.Response r =
        api.put("/api/inspection-policy", Tokens.operatorSupervisor(s.operator()), policy);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
  }

  @Test
  void aFaultOpensARecordShowsOnTheBoardAndClosesOnlyOnTheRecoverySignal() {
    Setup s = aUnitWithDetectors(1001, 1002);
    Bus.send(
        Stream.SIGNAL_STATUS,
        envelope(s.operator(), aComponentState(s.device(), 1001, StateFlag.FAULT)));

    JsonNode open =
        awaitGet("/api/faults", s.token(), b -> b.get("items").size() == 1).get("items").get(0);
    assertThat(open.get("kind").asString()).isEqualTo("POINT_FAULT");
    assertThat(open.get("kindText").asString()).isEqualTo("部件故障");
    assertThat(open.get("unitId").asString()).isEqualTo(s.unit());
    assertThat(open.get("assignedCompany").asString()).isEqualTo(Bus.COMPANY);
    assertThat(open.get("location").asString()).isEqualTo("3层东侧走廊 1001");
    assertThat(open.get("state").asString()).isEqualTo("OPEN");
    assertThat(open.get("ageSeconds").asLong()).isGreaterThanOrEqualTo(0);
    String id = open.get("id").asString();

    JsonNode board = api.get("/api/units/" + s.unit() + "/board", s.token()).body();
    JsonNode p = point(board, 1001);
    assertThat(p.get("state").get("state").asString()).isEqualTo("FAULT");
    assertThat(p.get("state").get("colour").asString()).isEqualTo("yellow");
    assertThat(p.get("state").get("text").asString()).isEqualTo("故障");
    assertThat(p.get("location").asString()).isEqualTo("3层东侧走廊 1001");
    assertThat(p.get("openFaults").get(0).asString()).isEqualTo(id);
    assertThat(point(board, 1002).get("state").get("state").asString()).isEqualTo("NORMAL");
    assertThat(board.get("buildings").get(0).get("floors").get(0).get("label").asString())
        .isEqualTo("3F");
    assertThat(board.get("summary").get("points").asInt()).isEqualTo(2);
    assertThat(board.get("summary").get("abnormalPoints").asInt()).isEqualTo(1);
    assertThat(board.get("summary").get("openFaults").asInt()).isEqualTo(1);
    assertThat(board.get("unit").get("maintenanceCompany").asString()).isEqualTo(Bus.COMPANY);

    // The work order moves on, but a reported repair does not close the fault.
    assertThat(
            api.post("/api/faults/" + id + "/accept", s.token(), Map.of("note", "已派单"))
                .get("fault")
                .get("state")
                .asString())
        .isEqualTo("ACCEPTED");
    Api.Response repaired =
        api.post(
            "/api/faults/" + id + "/repaired",
            Tokens.unitManager(s.unit()),
            Map.of("note", "更换探测器"));
    assertThat(repaired.status()).isEqualTo(200);
    assertThat(repaired.get("fault").get("state").asString()).isEqualTo("REPAIRED");
    assertThat(repaired.get("fault").get("closedAt").isNull()).isTrue();
    assertThat(api.post("/api/faults/" + id + "/repaired", s.token(), Map.of()).status())
        .isEqualTo(409);

    Bus.send(Stream.SIGNAL_STATUS, envelope(s.operator(), aComponentState(s.device(), 1001)));
    JsonNode closed =
        awaitGet(
            "/api/faults/" + id,
            s.token(),
            b -> b.get("fault").get("state").asString().equals("CLOSED"));
    assertThat(closed.get("fault").get("closedBy").asString()).isEqualTo("RECOVERY_SIGNAL");
    assertThat(closed.get("fault").get("verifiedByRecovery").asBoolean()).isTrue();
    List<String> log = new ArrayList<>();
    closed.get("log").forEach(e -> log.add(e.get("entry").asString()));
    assertThat(log).containsExactly("OPENED", "ACCEPTED", "REPAIRED", "CLOSED");
    assertThat(api.get("/api/faults", s.token()).get("items")).isEmpty();
    assertThat(api.get("/api/faults?state=closed", s.token()).get("items")).hasSize(1);
    board = api.get("/api/units/" + s.unit() + "/board", s.token()).body();
    assertThat(point(board, 1001).get("state").get("state").asString()).isEqualTo("NORMAL");
    JsonNode history = api.get("/api/units/" + s.unit() + "/history", s.token()).body();
    assertThat(history.get("total").asLong()).isEqualTo(2);
    assertThat(history.get("items").get(1).get("text").asString()).isEqualTo("故障");

    List<EventEnvelope<FenghuoEvent>> stream =
        Bus.read(s.operator(), Stream.FAULT, Duration.ofSeconds(2));
    assertThat(stream)
        .extracting(e -> e.type().wireName())
        .containsExactly(
            "fenghuo.fault.opened.v1",
            "fenghuo.fault.work-order-updated.v1",
            "fenghuo.fault.work-order-updated.v1",
            "fenghuo.fault.closed.v1");
    for (EventEnvelope<FenghuoEvent> e : stream) {
      assertThat(Schemas.errors(e.type(), e.data())).as(e.type().wireName()).isEmpty();
      assertThat(e.key()).isEqualTo(id);
    }
    FaultOpened opened = (FaultOpened) stream.get(0).data();
    assertThat(opened.assignedCompany()).isEqualTo(Bus.COMPANY);
    assertThat(opened.point()).isEqualTo(Bus.detector(1001));
    FaultClosed c = (FaultClosed) stream.get(3).data();
    assertThat(c.repairedReportedAt()).isNotNull();
  }

  @Test
  void aFaultOpenLongerThanTheConfiguredAgesEscalatesToTheUnitManagerThenTheSupervisor() {
    Setup s = aUnitWithDetectors(7);
    putPolicy(s, Map.of("unitManagerAfter", "PT1S", "supervisorAfter", "PT2S"));
    Bus.send(
        Stream.SIGNAL_STATUS,
        envelope(s.operator(), aComponentState(s.device(), 7, StateFlag.DISABLED)));

    JsonNode fault =
        awaitGet(
                "/api/faults",
                s.token(),
                b ->
                    b.get("items").size() == 1
                        && b.get("items").get(0).get("escalationLevel").asInt() == 2)
            .get("items")
            .get(0);
    assertThat(fault.get("kind").asString()).isEqualTo("POINT_DISABLED");
    List<FaultEscalated> escalated = events(s.operator(), FaultEscalated.class);
    assertThat(escalated)
        .extracting(FaultEscalated::level, FaultEscalated::escalatedTo)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "unit-manager"),
            org.assertj.core.groups.Tuple.tuple(2, "operator-supervisor"));
    for (FaultEscalated e : escalated) {
      assertThat(Duration.between(e.openedAt(), e.escalatedAt()))
          .isGreaterThanOrEqualTo(e.level() == 1 ? Duration.ofSeconds(1) : Duration.ofSeconds(2));
    }
  }

  @Test
  void anotherOperatorsUnitIsNotFoundAndRolesGetWhatTheApiSays() {
    Setup s = aUnitWithDetectors(9);
    Bus.send(
        Stream.SIGNAL_STATUS,
        envelope(s.operator(), aComponentState(s.device(), 9, StateFlag.FAULT)));
    String id =
        awaitGet("/api/faults", s.token(), b -> b.get("items").size() == 1)
            .get("items")
            .get(0)
            .get("id")
            .asString();
    String other = Tokens.operator(anOperator());
    String board = "/api/units/" + s.unit() + "/board";

    assertThat(api.get(board, other).status()).isEqualTo(404);
    assertThat(api.get("/api/units/" + s.unit() + "/history", other).status()).isEqualTo(404);
    assertThat(api.get("/api/faults/" + id, other).status()).isEqualTo(404);
    assertThat(api.post("/api/faults/" + id + "/accept", other, Map.of()).status()).isEqualTo(404);
    assertThat(api.get("/api/faults", other).get("items")).isEmpty();
    assertThat(api.get("/api/integrity/units/" + s.unit(), other).status()).isEqualTo(404);
    assertThat(api.get("/api/integrity/operators/" + s.operator(), other).status()).isEqualTo(404);

    assertThat(api.get(board, Tokens.unitManager(s.unit())).status()).isEqualTo(200);
    assertThat(api.get(board.replace(s.unit(), "U-else"), Tokens.unitManager(s.unit())).status())
        .isEqualTo(404);
    assertThat(api.get("/api/faults", Tokens.unitManager(s.unit())).get("items")).hasSize(1);
    assertThat(api.get("/api/faults", Tokens.unitManager("U-else")).get("items")).isEmpty();
    assertThat(api.get(board, Tokens.unitManager("U-else")).status()).isEqualTo(404);
    assertThat(
            api.post("/api/units/" + s.unit() + "/polls", Tokens.unitManager(s.unit()), "")
                .status())
        .isEqualTo(403);
    assertThat(api.get(board, Tokens.supervision()).status()).isEqualTo(200);
    assertThat(api.post("/api/faults/" + id + "/accept", Tokens.supervision(), Map.of()).status())
        .isEqualTo(403);
    assertThat(api.get(board, Tokens.dispatcher119()).status()).isEqualTo(403);
    assertThat(api.get(board, null).status()).isEqualTo(401);
    assertThat(api.get("/api/faults", Tokens.admin()).status()).isEqualTo(400);
    assertThat(api.get("/api/faults?operator=" + s.operator(), Tokens.admin()).get("items"))
        .hasSize(1);
    assertThat(api.get("/api/inspection-policy", s.token()).status()).isEqualTo(403);
    assertThat(
            api.put("/api/units/" + s.unit() + "/poll-period", s.token(), Map.of("period", "PT30M"))
                .status())
        .isEqualTo(403);
    Api.Response tooLong =
        api.put(
            "/api/units/" + s.unit() + "/poll-period",
            Tokens.operatorSupervisor(s.operator()),
            Map.of("period", "PT3H"));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.get("detail").asString()).contains("GB 50440");
    assertThat(api.get("/api/devices?liveness=SLEEPY", s.token()).status()).isEqualTo(400);
    assertThat(api.get("/api/faults/not-a-uuid", s.token()).status()).isEqualTo(400);
  }

  @Test
  void aRedeliveredSignalChangesNothingAndARepeatedFaultStateKeepsOneRecord() {
    Setup s = aUnitWithDetectors(11);
    EventEnvelope<StatusChanged> fault =
        envelope(s.operator(), aComponentState(s.device(), 11, StateFlag.FAULT));
    Bus.send(Stream.SIGNAL_STATUS, fault);
    awaitGet("/api/faults", s.token(), b -> b.get("items").size() == 1);

    Bus.send(Stream.SIGNAL_STATUS, fault, fault);
    Bus.send(
        Stream.SIGNAL_STATUS,
        envelope(s.operator(), aComponentState(s.device(), 11, StateFlag.FAULT)));
    awaitGet("/api/units/" + s.unit() + "/history", s.token(), b -> b.get("total").asLong() == 2);

    assertThat(api.get("/api/faults", s.token()).get("total").asLong()).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from status_history where signal_id = ?")
                .param(fault.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(events(s.operator(), FaultOpened.class)).hasSize(1);
  }

  @Test
  void aResetClearsAlarmStatesAndAStatusReadShowingTheSystemNormalClosesItsComponentFaults() {
    Setup s = aUnitWithDetectors(21, 22);
    Bus.send(
        Stream.SIGNAL_STATUS,
        envelope(s.operator(), aComponentState(s.device(), 21, StateFlag.STARTED)),
        envelope(s.operator(), aComponentState(s.device(), 22, StateFlag.FAULT)));
    awaitGet("/api/faults", s.token(), b -> b.get("items").size() == 1);
    JsonNode board = api.get("/api/units/" + s.unit() + "/board", s.token()).body();
    assertThat(point(board, 21).get("state").get("text").asString()).isEqualTo("启动");

    Instant now = Instant.now();
    Bus.send(
        Stream.SIGNAL_STATUS,
        envelope(
            s.operator(),
            new OperationRecorded(
                s.device(),
                false,
                PointRef.system(1, 1),
                Set.of(OperationFlag.RESET),
                1,
                now,
                now,
                77)));
    board =
        awaitGet(
            "/api/units/" + s.unit() + "/board",
            s.token(),
            b -> point(b, 21).get("state").get("state").asString().equals("NORMAL"));
    assertThat(point(board, 22).get("state").get("state").asString()).isEqualTo("FAULT");
    JsonNode polls = awaitGet("/api/units/" + s.unit() + "/polls", s.token(), b -> b.size() == 2);
    List<String> kinds = new ArrayList<>();
    polls.forEach(
        p -> {
          kinds.add(p.get("kind").asString());
          assertThat(p.get("trigger").asString()).isEqualTo("PANEL_RESET");
        });
    assertThat(kinds).containsExactlyInAnyOrder("READ_UITD_STATE", "READ_SYSTEM_STATE");

    // The panel answers the system read: no fault on the system, so none on its components.
    Bus.send(Stream.SIGNAL_STATUS, envelope(s.operator(), aSystemState(s.device())));
    JsonNode closed =
        awaitGet("/api/faults?state=closed", s.token(), b -> b.get("items").size() == 1);
    assertThat(closed.get("items").get(0).get("closedBy").asString()).isEqualTo("STATUS_READ");
  }
}
