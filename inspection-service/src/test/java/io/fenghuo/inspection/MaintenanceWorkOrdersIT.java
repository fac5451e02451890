package io.fenghuo.inspection;

import static io.fenghuo.inspection.support.Bus.aComponentState;
import static io.fenghuo.inspection.support.Bus.aDevice;
import static io.fenghuo.inspection.support.Bus.aHospital;
import static io.fenghuo.inspection.support.Bus.anOperator;
import static io.fenghuo.inspection.support.Bus.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.fault.FaultWorkOrderUpdated;
import io.fenghuo.contracts.fault.WorkOrderStep;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.inspection.support.Bus;
import io.fenghuo.inspection.support.RunningService;
import io.fenghuo.testkit.Api;
import io.fenghuo.testkit.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The maintenance company (维保单位) as a user of the fault work orders (issue 9): it sees exactly the
 * faults assigned to it, across the operators whose units it maintains, records 已受理 and 已维修 on
 * them, and nothing else — no other company's fault, no board, device, poll or integrity.
 */
class MaintenanceWorkOrdersIT extends RunningService {

  /** A unit of an operator, maintained by a company, with one open detector fault. */
  record Faulty(String operator, String unit, DeviceAddress device, String faultId) {}

  Faulty aFaultyUnit(String company, long component) {
    String operator = anOperator();
    Bus.createTopics(operator, 1);
    String unit = "U-" + operator;
    DeviceAddress device = aDevice();
    Bus.send(Stream.UNIT, envelope(operator, aHospital(unit, company, device, component)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from device where operator = ? and device = ?")
                        .params(operator, device.toString())
                        .query(Long.class)
                        .single()
                    == 1);
    Bus.send(
        Stream.SIGNAL_STATUS,
        envelope(operator, aComponentState(device, component, StateFlag.FAULT)));
    JsonNode fault =
        awaitGet("/api/faults", Tokens.operator(operator), b -> b.get("items").size() == 1)
            .get("items")
            .get(0);
    assertThat(fault.get("assignedCompany").asString()).isEqualTo(company);
    return new Faulty(operator, unit, device, fault.get("id").asString());
  }

  static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asString()));
    return ids;
  }

  @Test
  void theCompanySeesItsWorkOrdersOfEveryOperatorAndNoOtherCompanys() {
    String zhongan = "浙江众安消防技术服务有限公司-" + anOperator();
    String other = "杭州另一家维保有限公司-" + anOperator();
    Faulty first = aFaultyUnit(zhongan, 11);
    Faulty second = aFaultyUnit(zhongan, 12);
    Faulty foreign = aFaultyUnit(other, 13);
    String mine = Tokens.maintenance(zhongan);

    JsonNode page = api.get("/api/faults", mine).body();
    assertThat(ids(page)).containsExactlyInAnyOrder(first.faultId(), second.faultId());
    assertThat(page.get("total").asLong()).isEqualTo(2);
    JsonNode item = page.get("items").get(0);
    assertThat(item.get("assignedCompany").asString()).isEqualTo(zhongan);
    assertThat(item.get("location").asString()).startsWith("3层东侧走廊");
    assertThat(item.get("state").asString()).isEqualTo("OPEN");
    assertThat(ids(api.get("/api/faults?operator=" + second.operator(), mine).body()))
        .containsExactly(second.faultId());
    assertThat(ids(api.get("/api/faults?unit=" + first.unit(), mine).body()))
        .containsExactly(first.faultId());
    assertThat(ids(api.get("/api/faults?unit=" + foreign.unit(), mine).body())).isEmpty();
    assertThat(ids(api.get("/api/faults", Tokens.maintenance(other)).body()))
        .containsExactly(foreign.faultId());

    Api.Response detail = api.get("/api/faults/" + first.faultId(), mine);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.get("fault").get("unitId").asString()).isEqualTo(first.unit());

    // Another company's fault does not exist for this company, to read or to work on.
    assertThat(api.get("/api/faults/" + foreign.faultId(), mine).status()).isEqualTo(404);
    assertThat(api.post("/api/faults/" + foreign.faultId() + "/accept", mine, Map.of()).status())
        .isEqualTo(404);
    assertThat(api.post("/api/faults/" + foreign.faultId() + "/repaired", mine, Map.of()).status())
        .isEqualTo(404);
    assertThat(
            api.get("/api/faults/" + foreign.faultId(), Tokens.operator(foreign.operator()))
                .get("fault")
                .get("state")
                .asString())
        .isEqualTo("OPEN");
  }

  @Test
  void theCompanyAcceptsAndReportsTheRepairButOnlyTheRecoverySignalCloses() {
    String company = "浙江众安消防技术服务有限公司-" + anOperator();
    Faulty f = aFaultyUnit(company, 21);
    String mine = Tokens.maintenance(company);
    String path = "/api/faults/" + f.faultId();

    Api.Response accepted = api.post(path + "/accept", mine, Map.of("note", "已派工程师"));
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
    assertThat(accepted.get("fault").get("state").asString()).isEqualTo("ACCEPTED");
    assertThat(accepted.get("fault").get("acceptedBy").asString()).isEqualTo("maint-1");
    Api.Response repaired = api.post(path + "/repaired", mine, Map.of("note", "更换探测器"));
    assertThat(repaired.status()).isEqualTo(200);
    assertThat(repaired.get("fault").get("state").asString()).isEqualTo("REPAIRED");
    assertThat(repaired.get("fault").get("repairNote").asString()).isEqualTo("更换探测器");
    assertThat(repaired.get("fault").get("closedAt").isNull()).isTrue();
    // The operator sees the company's steps on the same record.
    assertThat(api.get(path, Tokens.operator(f.operator())).get("fault").get("state").asString())
        .isEqualTo("REPAIRED");

    List<FaultWorkOrderUpdated> steps = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              steps.clear();
              Bus.read(f.operator(), Stream.FAULT, Duration.ofSeconds(1)).stream()
                  .map(EventEnvelope::data)
                  .filter(FaultWorkOrderUpdated.class::isInstance)
                  .map(FaultWorkOrderUpdated.class::cast)
                  .forEach(steps::add);
              return steps.size() == 2;
            });
    assertThat(steps)
        .extracting(FaultWorkOrderUpdated::step)
        .containsExactly(WorkOrderStep.ACCEPTED, WorkOrderStep.REPAIRED);
    assertThat(steps).extracting(FaultWorkOrderUpdated::assignedCompany).containsOnly(company);
    assertThat(steps).extracting(FaultWorkOrderUpdated::by).containsOnly("maint-1");

    Bus.send(Stream.SIGNAL_STATUS, envelope(f.operator(), aComponentState(f.device(), 21)));
    JsonNode closed =
        awaitGet(path, mine, b -> b.get("fault").get("state").asString().equals("CLOSED"));
    assertThat(closed.get("fault").get("closedBy").asString()).isEqualTo("RECOVERY_SIGNAL");
    assertThat(ids(api.get("/api/faults", mine).body())).isEmpty();
    assertThat(ids(api.get("/api/faults?state=closed", mine).body())).containsExactly(f.faultId());
    // The closing event names the company too: its views follow the work order to the end.
    List<io.fenghuo.contracts.fault.FaultClosed> closings = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              closings.clear();
              Bus.read(f.operator(), Stream.FAULT, Duration.ofSeconds(1)).stream()
                  .map(EventEnvelope::data)
                  .filter(io.fenghuo.contracts.fault.FaultClosed.class::isInstance)
                  .map(io.fenghuo.contracts.fault.FaultClosed.class::cast)
                  .forEach(closings::add);
              return closings.size() == 1;
            });
    assertThat(closings.get(0).assignedCompany()).isEqualTo(company);
  }

  @Test
  void theCompanyGetsNoFacilityStatusAndOtherOperatorsNothingOfItsWorkOrders() {
    String company = "浙江众安消防技术服务有限公司-" + anOperator();
    Faulty f = aFaultyUnit(company, 31);
    String mine = Tokens.maintenance(company);
    String unit = "/api/units/" + f.unit();

    // Work orders only: the units' boards, devices, polls and integrity stay the operators'.
    assertThat(api.get(unit + "/board", mine).status()).isEqualTo(403);
    assertThat(api.get(unit + "/history", mine).status()).isEqualTo(403);
    assertThat(api.get(unit + "/polls", mine).status()).isEqualTo(403);
    assertThat(api.post(unit + "/polls", mine, "").status()).isEqualTo(403);
    assertThat(api.get(unit + "/poll-period", mine).status()).isEqualTo(403);
    assertThat(api.get("/api/devices", mine).status()).isEqualTo(403);
    assertThat(api.get("/api/integrity/units/" + f.unit(), mine).status()).isEqualTo(403);
    assertThat(api.get("/api/integrity/operators/" + f.operator(), mine).status()).isEqualTo(403);
    assertThat(api.get("/api/inspection-policy?operator=" + f.operator(), mine).status())
        .isEqualTo(403);

    // An operator that does not monitor the unit sees nothing of the company's work order.
    String otherOperator = Tokens.operator(anOperator());
    assertThat(api.get("/api/faults/" + f.faultId(), otherOperator).status()).isEqualTo(404);
    assertThat(api.post("/api/faults/" + f.faultId() + "/accept", otherOperator, Map.of()).status())
        .isEqualTo(404);
    assertThat(ids(api.get("/api/faults", otherOperator).body())).isEmpty();

    // A maintenance token without its company is refused like any token without its tenant.
    assertThat(api.get("/api/faults", Tokens.maintenance(null)).status()).isEqualTo(401);
    assertThat(api.get("/api/faults", Tokens.maintenance("别的公司")).status()).isEqualTo(200);
    assertThat(ids(api.get("/api/faults", Tokens.maintenance("别的公司")).body())).isEmpty();
  }
}
