package io.fenghuo.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.console.StubInspectionService.Fault;
import io.fenghuo.console.StubInspectionService.Unit;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The facility pages (inspection-service) against {@link StubInspectionService}: the board, open
 * faults with their work order, the fault search, polls, integrity, and who sees and does what.
 */
class FacilityPagesIT extends RunningConsole {

  static final StubInspectionService inspection = stack.inspectionService;

  /** The demo unit manager's unit (op-a's). */
  static final String MANAGED_UNIT = "U-330106-A001";

  private static Unit unit(String operator, String id, String name) {
    return inspection.add(StubInspectionService.aUnit(operator, id, name));
  }

  @Test
  void theBoardShowsPointsByBuildingAndFloorWithStateInColourAndWords() {
    Unit hospital = unit("op-a", "U-330106-F101", "西湖区人民医院");
    Fault fault = inspection.openFault(hospital, 0, "POINT_FAULT");
    Browserless op = signIn("op-a-operator");

    String page = op.get("/op/op-a/facilities/units/" + hospital.id).body();

    assertThat(op.last.statusCode()).isEqualTo(200);
    assertThat(page)
        .contains("设施状态 · 西湖区人民医院")
        .contains("浙江安消维保有限公司")
        .contains("data-floor=\"3F\"")
        .contains("data-floor=\"B1\"")
        .contains("0.35 MPa");
    // Top floor first, as the service orders them.
    assertThat(page.indexOf("data-floor=\"3F\"")).isLessThan(page.indexOf("data-floor=\"1F\""));
    String faulty = section(page, "data-point=\"1-1-40-1203\"");
    assertThat(faulty).contains("ftone-fault").contains("data-state=\"FAULT\"").contains(">故障<");
    String normal = section(page, "data-point=\"1-1-40-1204\"");
    assertThat(normal).contains("ftone-normal").contains(">正常<");
    assertThat(section(page, "id=\"open-faults\""))
        .contains("data-fault-id=\"" + fault.id + "\"")
        .contains("部件故障")
        .contains("待受理");
    assertThat(page)
        .contains("hx-trigger=\"sse:fault-changed, live-reconnected from:body, every 60s\"");
    assertThat(inspection.relayedTo("/api/units/" + hospital.id + "/board"))
        .last()
        .satisfies(r -> assertThat(r.subject()).isEqualTo("op-a-operator"));

    String english = op.get("/op/op-a/facilities/units/" + hospital.id + "?lang=en").body();
    assertThat(section(english, "data-point=\"1-1-40-1203\"")).contains(">Fault<");
    op.get("/op/op-a?lang=zh-CN");
  }

  @Test
  void anotherOperatorsUnitsAndFaultsAreNotFoundAndNeverShown() {
    Unit ofOpA = unit("op-a", "U-330106-F201", "古荡小学");
    Fault fault = inspection.openFault(ofOpA, 1, "POINT_DISABLED");
    Browserless opB = signIn("op-b-operator");

    for (String path :
        List.of(
            "/op/op-b/facilities/units/" + ofOpA.id,
            "/op/op-b/facilities/units/" + ofOpA.id + "/board",
            "/op/op-b/faults/" + fault.id,
            "/op/op-a/facilities",
            "/op/op-a/faults",
            "/op/op-a/facilities/units/" + ofOpA.id,
            "/unit/" + ofOpA.id + "/facilities")) {
      HttpResponse<String> response = opB.get(path);
      assertThat(response.statusCode()).as(path).isIn(403, 404);
      // The error page may echo the typed path, never the fault's data.
      assertThat(response.body()).as(path).doesNotContain("古荡小学").doesNotContain("护士站");
    }
    assertThat(opB.get("/op/op-b/facilities").body()).doesNotContain(fault.id);
    assertThat(opB.get("/op/op-b/faults?state=all").body()).doesNotContain(fault.id);

    // Admin sees every operator, but each under its own path.
    Browserless admin = signIn("admin");
    assertThat(admin.get("/op/op-b/facilities/units/" + ofOpA.id).statusCode()).isEqualTo(404);
    assertThat(admin.get("/op/op-a/facilities/units/" + ofOpA.id).statusCode()).isEqualTo(200);
    assertThat(admin.get("/op/op-a/facilities").body()).contains(fault.id);
    assertThat(inspection.relayedTo("/api/faults?"))
        .filteredOn(r -> r.subject().equals("admin"))
        .allSatisfy(r -> assertThat(r.path()).contains("operator=op-a"));
  }

  @Test
  void aWorkOrderIsAcceptedAndReportedRepairedButOnlyTheRecoverySignalClosesIt() {
    Unit unit = unit("op-a", "U-330106-F301", "文三路购物中心");
    Fault fault = inspection.openFault(unit, 0, "POINT_FAULT");
    Browserless op = signIn("op-a-operator");
    String path = "/op/op-a/faults/" + fault.id;
    op.get(path);

    HttpResponse<String> accepted = op.post(path + "/accept", "note", "维保已派人");
    assertThat(accepted.body()).contains("工单已受理").contains("data-order=\"ACCEPTED\"");
    HttpResponse<String> repaired = op.post(path + "/repaired", "note", "更换探测器");

    assertThat(repaired.body())
        .contains("已报告维修")
        .contains("已维修，待恢复信号验证")
        .contains("id=\"fault-open\"")
        .contains("更换探测器");
    assertThat(inspection.fault(fault.id).open()).isTrue();
    assertThat(inspection.relayedTo("/api/faults/" + fault.id + "/"))
        .extracting(StubService.Relayed::body)
        .containsExactly("{\"note\":\"维保已派人\"}", "{\"note\":\"更换探测器\"}");

    inspection.recover(fault);
    String closed = op.get(path).body();
    assertThat(closed)
        .contains("id=\"fault-closed\"")
        .contains("设备恢复信号")
        .doesNotContain("id=\"accept-form\"")
        .doesNotContain("id=\"repaired-form\"");
    assertThat(section(closed, "id=\"fault-log\""))
        .contains("data-entry=\"OPENED\"")
        .contains("data-entry=\"ACCEPTED\"")
        .contains("data-entry=\"REPAIRED\"")
        .contains("data-entry=\"CLOSED\"");
    assertThat(op.get("/op/op-a/facilities/units/" + unit.id).body())
        .doesNotContain("data-fault-id=\"" + fault.id + "\"");
  }

  @Test
  void theFaultSearchPassesItsFiltersAndDropsWhatTheServiceWouldRefuse() {
    Unit unit = unit("op-a", "U-330106-F401", "城西仓储园");
    Fault disabled = inspection.openFault(unit, 2, "POINT_DISABLED");
    Fault other = inspection.openFault(unit, 0, "POINT_FAULT");
    inspection.recover(disabled);
    Browserless op = signIn("op-a-operator");

    String page =
        op.get(
                "/op/op-a/faults?state=closed&kind=POINT_DISABLED&unit="
                    + unit.id
                    + "&from=2026-01-01T00:00")
            .body();

    assertThat(page).contains("data-fault-id=\"" + disabled.id + "\"").doesNotContain(other.id);
    assertThat(inspection.relayedTo("/api/faults?"))
        .last()
        .satisfies(
            r ->
                assertThat(r.path())
                    .contains("state=closed")
                    .contains("kind=POINT_DISABLED")
                    .contains("unit=" + unit.id)
                    .contains("from=2025-12-31T16:00:00Z"));

    op.get("/op/op-a/faults?state=bogus&kind=FIRE;DROP&unit=%3Cx%3E");
    assertThat(inspection.relayedTo("/api/faults?"))
        .last()
        .satisfies(
            r ->
                assertThat(r.path())
                    .contains("state=open")
                    .doesNotContain("kind=")
                    .doesNotContain("unit="));
  }

  @Test
  void operatorsPollNowOnlySupervisorsSetThePollPeriod() {
    Unit unit = unit("op-a", "U-330106-F501", "西溪印象城");
    Browserless op = signIn("op-a-operator");
    String board = "/op/op-a/facilities/units/" + unit.id;
    op.get(board);
    assertThat(op.last.body()).contains("id=\"poll-now\"").doesNotContain("id=\"period-form\"");

    String polled = op.post(board + "/polls").body();

    assertThat(polled).contains("已发出巡检").contains("data-trigger=\"ON_DEMAND\"");
    assertThat(unit.polls).hasSize(1);
    assertThat(op.post(board + "/poll-period", "minutes", "30").statusCode()).isEqualTo(403);
    assertThat(inspection.relayedTo("/api/units/" + unit.id + "/poll-period"))
        .noneMatch(r -> r.method().equals("PUT"));

    Browserless supervisor = signIn("op-a-supervisor");
    supervisor.get(board);
    String set = supervisor.post(board + "/poll-period", "minutes", "30").body();
    assertThat(set).contains("巡检周期已更新").contains("data-period=\"PT30M\"").contains("本单位设置");
    assertThat(supervisor.post(board + "/poll-period", "minutes", "300").body())
        .contains("data-ok=\"false\"");
    assertThat(unit.ownPeriod).hasMinutes(30);
    String reset = supervisor.post(board + "/poll-period", "minutes", "").body();
    assertThat(reset).contains("data-source=\"OPERATOR\"");
  }

  @Test
  void theOverviewShowsOpenFaultsOfflineDevicesIntegrityAndRepairTimes() {
    Unit offline = unit("op-a", "U-330106-F601", "黄龙体育中心");
    offline.liveness = "OFFLINE";
    Fault fault = inspection.openFault(offline, 0, "POINT_FAULT");
    Browserless op = signIn("op-a-operator");

    String page = op.get("/op/op-a/facilities").body();

    assertThat(section(page, "id=\"open-faults\"")).contains(fault.id).contains(offline.id);
    assertThat(section(page, "id=\"offline-devices\""))
        .contains("data-liveness=\"OFFLINE\"")
        .contains("离线");
    assertThat(page)
        .contains("data-integrity-chart")
        .contains("id=\"repair-mean\">4 小时 0 分<")
        .contains("id=\"repair-p90\">6 小时 0 分<")
        .contains("id=\"integrity-rate\">99.25%<")
        .contains("sse:fault-changed");
    assertThat(inspection.relayedTo("/api/integrity/operators/op-a")).isNotEmpty();
    assertThat(op.get("/op/op-a").body()).contains("id=\"facilities-link\"");
  }

  @Test
  void theUnitManagerSeesItsOwnBoardAndRecordsItsWorkOrdersButDoesNotPoll() {
    Unit own = unit("op-a", MANAGED_UNIT, "西湖区人民医院");
    Fault fault = inspection.openFault(own, 1, "POINT_FAULT");
    Unit other = unit("op-a", "U-330106-F701", "别的单位");
    Fault otherFault = inspection.openFault(other, 0, "POINT_FAULT");
    Browserless manager = signIn("unit-manager");

    String board = manager.get("/unit/" + MANAGED_UNIT + "/facilities").body();
    assertThat(board)
        .contains("data-fault-id=\"" + fault.id + "\"")
        .doesNotContain("id=\"poll-now\"")
        .contains("/unit/" + MANAGED_UNIT + "/facilities/board");
    assertThat(manager.get("/unit/" + other.id + "/facilities").statusCode()).isEqualTo(404);
    assertThat(manager.get("/unit/" + MANAGED_UNIT + "/faults/" + otherFault.id).statusCode())
        .isEqualTo(404);
    assertThat(manager.get("/unit/" + MANAGED_UNIT + "/faults?state=all").body())
        .contains(fault.id)
        .doesNotContain(otherFault.id);

    manager.get("/unit/" + MANAGED_UNIT + "/faults/" + fault.id);
    String accepted =
        manager.post("/unit/" + MANAGED_UNIT + "/faults/" + fault.id + "/accept").body();
    assertThat(accepted).contains("工单已受理");
    assertThat(inspection.fault(fault.id).acceptedBy).isEqualTo("unit-manager");
    assertThat(manager.get("/unit/" + MANAGED_UNIT).body()).contains("id=\"unit-board-link\"");
  }

  @Test
  void supervisionReadsButDoesNotAct() {
    Unit unit = unit("op-a", "U-330106-F801", "浙大附中");
    Fault fault = inspection.openFault(unit, 0, "POINT_FAULT");
    Browserless supervision = signIn("supervision");

    String page = supervision.get("/op/op-a/faults/" + fault.id).body();
    assertThat(page).contains("部件故障").doesNotContain("id=\"accept-form\"");
    assertThat(supervision.get("/op/op-a/facilities/units/" + unit.id).body())
        .doesNotContain("id=\"poll-now\"");
    assertThat(supervision.post("/op/op-a/faults/" + fault.id + "/accept").statusCode())
        .isEqualTo(403);
    assertThat(inspection.fault(fault.id).acceptedAt).isNull();
  }

  @Test
  void theAlarmDetailLinksTheUnitToItsBoard() {
    var alarm =
        stack.alarmService.add(StubAlarmService.aFireAlarm("op-a", "U-330106-A001", "西湖区人民医院"));
    String page = signIn("op-a-operator").get("/op/op-a/alarms/" + alarm.id).body();
    assertThat(page)
        .contains("id=\"unit-board-link\" href=\"/op/op-a/facilities/units/U-330106-A001\"");
  }

  /** The element that starts with the marker, up to its end tag or 4,000 characters. */
  private static String section(String page, String marker) {
    int at = page.indexOf(marker);
    assertThat(at).as(marker).isNotNegative();
    int start = page.lastIndexOf('<', at);
    String tag = page.substring(start + 1, page.indexOf(' ', start)).trim();
    int end = page.indexOf("</" + tag + ">", at);
    return page.substring(start, end < 0 ? Math.min(page.length(), at + 4000) : end);
  }
}
