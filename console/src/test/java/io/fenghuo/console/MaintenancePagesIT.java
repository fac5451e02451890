package io.fenghuo.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.console.StubInspectionService.Fault;
import io.fenghuo.console.StubInspectionService.Unit;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The maintenance company's (维保单位) pages against {@link StubInspectionService}: its open work
 * orders of every operator, the fault detail where it records 已受理 and 已维修, and nothing of another
 * company's faults or of the operators' and units' areas.
 */
class MaintenancePagesIT extends RunningConsole {

  static final StubInspectionService inspection = stack.inspectionService;

  /** The demo user {@code maintenance}'s company. */
  static final String OURS = "浙江众安消防技术服务有限公司";

  private static Unit unit(String operator, String id, String name, String company) {
    Unit unit = StubInspectionService.aUnit(operator, id, name);
    unit.company = company;
    return inspection.add(unit);
  }

  @Test
  void theCompanysHomeListsItsOpenWorkOrdersOfEveryOperatorAndNoOtherCompanys() {
    Unit ofOpA = unit("op-a", "U-330106-M101", "文二路商场", OURS);
    Unit ofOpB = unit("op-b", "U-330106-M102", "古墩路酒店", OURS);
    Unit another = unit("op-a", "U-330106-M103", "紫金港仓库", "杭州另一家维保有限公司");
    Fault a = inspection.openFault(ofOpA, 0, "POINT_FAULT");
    Fault b = inspection.openFault(ofOpB, 1, "POINT_DISABLED");
    Fault foreign = inspection.openFault(another, 2, "POINT_FAULT");
    Browserless company = signIn("maintenance");

    HttpResponse<String> home = company.get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.uri().getPath()).isEqualTo("/maintenance");
    String page = home.body();
    assertThat(page)
        .contains("data-home=\"maintenance\"")
        .contains("维保工单")
        .contains(OURS)
        .contains("hx-trigger=\"sse:fault-changed, live-reconnected from:body, every 60s\"");
    String rowA = row(page, a.id);
    assertThat(rowA)
        .contains(ofOpA.id)
        .contains("住院楼 3F 东侧走廊")
        .contains("部件故障")
        .contains("待受理")
        .contains("href=\"/maintenance/faults/" + a.id + "\"")
        .contains("class=\"age\"");
    assertThat(row(page, b.id)).contains(ofOpB.id).contains("部件屏蔽");
    // No board links: the boards are the operators' and the units'.
    assertThat(page).doesNotContain("/facilities/units/").doesNotContain("/unit/" + ofOpA.id);
    assertThat(page).doesNotContain(foreign.id).doesNotContain(another.id);
    assertThat(company.get("/maintenance/open-faults").body())
        .contains(a.id)
        .contains(b.id)
        .doesNotContain(foreign.id);
    assertThat(company.get("/maintenance/faults?state=all").body())
        .contains(a.id)
        .doesNotContain(foreign.id);
    assertThat(inspection.relayedTo("/api/faults"))
        .filteredOn(r -> r.subject().equals("maintenance"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.path()).doesNotContain("operator="));

    String english = company.get("/maintenance?lang=en").body();
    assertThat(english).contains("Work orders").contains("Open work orders");
    company.get("/maintenance?lang=zh-CN");
  }

  @Test
  void theCompanyAcceptsAndReportsTheRepairButOnlyTheRecoverySignalCloses() {
    Unit unit = unit("op-b", "U-330106-M201", "西溪医院", OURS);
    Fault fault = inspection.openFault(unit, 0, "POINT_FAULT");
    Browserless company = signIn("maintenance");
    String path = "/maintenance/faults/" + fault.id;

    String detail = company.get(path).body();
    assertThat(company.last.statusCode()).isEqualTo(200);
    assertThat(detail)
        .contains("id=\"accept-form\"")
        .contains("id=\"repaired-form\"")
        .contains("action=\"" + path + "/accept\"")
        .contains("id=\"fault-operator\">op-b<")
        .contains(OURS);
    HttpResponse<String> accepted = company.post(path + "/accept", "note", "已派工程师");
    assertThat(accepted.uri().getPath()).isEqualTo(path);
    assertThat(accepted.body()).contains("工单已受理").contains("data-order=\"ACCEPTED\"");
    HttpResponse<String> repaired = company.post(path + "/repaired", "note", "更换探测器");
    assertThat(repaired.body())
        .contains("已报告维修")
        .contains("已维修，待恢复信号验证")
        .contains("id=\"fault-open\"");
    assertThat(inspection.fault(fault.id).open()).isTrue();
    assertThat(inspection.fault(fault.id).acceptedBy).isEqualTo("maintenance");
    assertThat(inspection.relayedTo("/api/faults/" + fault.id + "/"))
        .extracting(StubService.Relayed::subject, StubService.Relayed::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("maintenance", "{\"note\":\"已派工程师\"}"),
            org.assertj.core.groups.Tuple.tuple("maintenance", "{\"note\":\"更换探测器\"}"));

    inspection.recover(fault);
    assertThat(company.get(path).body())
        .contains("id=\"fault-closed\"")
        .doesNotContain("id=\"accept-form\"");
    assertThat(company.get("/maintenance").body()).doesNotContain(fault.id);
  }

  @Test
  void anotherCompanysFaultAndTheOtherAreasAreClosedToTheCompany() {
    Unit another = unit("op-a", "U-330106-M301", "城北仓储", "杭州另一家维保有限公司");
    Fault foreign = inspection.openFault(another, 0, "POINT_FAULT");
    Browserless company = signIn("maintenance");
    company.get("/maintenance");

    HttpResponse<String> detail = company.get("/maintenance/faults/" + foreign.id);
    assertThat(detail.statusCode()).isEqualTo(404);
    assertThat(detail.body()).doesNotContain("城北仓储").doesNotContain("住院楼 3F 东侧走廊");
    company.get("/maintenance");
    company.post("/maintenance/faults/" + foreign.id + "/accept", "note", "x");
    assertThat(company.last.statusCode()).isEqualTo(404);
    assertThat(inspection.fault(foreign.id).acceptedAt).isNull();

    for (String path :
        List.of(
            "/op/op-a",
            "/op/op-a/facilities",
            "/op/op-a/faults/" + foreign.id,
            "/unit/" + another.id + "/faults",
            "/dispatch",
            "/supervision",
            "/admin")) {
      HttpResponse<String> response = company.get(path);
      assertThat(response.statusCode()).as(path).isIn(403, 404);
      // The error page may echo the typed path, never the fault's data.
      assertThat(response.body()).as(path).doesNotContain("城北仓储").doesNotContain("东侧走廊");
    }

    // And the operator staff do not reach the company's area.
    assertThat(signIn("op-a-operator").get("/maintenance").statusCode()).isEqualTo(403);
  }

  /** The table row of this fault. */
  private static String row(String page, String faultId) {
    int at = page.indexOf("data-fault-id=\"" + faultId + "\"");
    assertThat(at).as(faultId).isNotNegative();
    int start = page.lastIndexOf("<tr", at);
    return page.substring(start, page.indexOf("</tr>", at));
  }
}
