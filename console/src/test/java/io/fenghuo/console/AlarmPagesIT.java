package io.fenghuo.console;

import static io.fenghuo.console.StubAlarmService.aFireAlarm;
import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.console.StubAlarmService.Alarm;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alarm pages against the in-memory alarm-service: queue, detail and actions per role, tenant
 * isolation, token relay, conflicts and refusals shown as messages.
 */
class AlarmPagesIT extends RunningConsole {

  static final StubAlarmService alarms = stack.alarmService;

  @Test
  void theOperatorsHomeIsTheQueueInTheServicesOrderWithFireAlarmsFirst() {
    Instant now = Instant.now();
    Alarm supervisory =
        alarms.add(aFireAlarm("op-a", "U-Q-1", "监管单位").category("SUPERVISORY").at(now));
    Alarm claimedFire =
        alarms.add(
            aFireAlarm("op-a", "U-Q-2", "已受理单位").at(now.minusSeconds(5)).claimedBy("op-a-other"));
    Alarm newFire =
        alarms.add(
            aFireAlarm("op-a", "U-Q-3", "新火警单位")
                .at(now.minusSeconds(60))
                .escalated(2)
                .maintenance());

    HttpResponse<String> home = signIn("op-a-operator").last;

    assertThat(home.uri().getPath()).isEqualTo("/op/op-a");
    String page = home.body();
    assertThat(order(page, newFire.id, claimedFire.id, supervisory.id)).isSorted();
    assertThat(section(page, "queue fires"))
        .contains(newFire.id, claimedFire.id)
        .doesNotContain(supervisory.id);
    assertThat(section(page, "queue others")).contains(supervisory.id);
    assertThat(card(page, claimedFire.id))
        .contains("已由 op-a-other 受理")
        .doesNotContain(">受理</button>");
    assertThat(card(page, newFire.id))
        .contains("card-fire")
        .contains("已升级 2 级")
        .contains("维保/测试窗口内")
        .contains("data-since=\"" + newFire.firstAlertAt + "\"")
        .contains(">受理</button>");
    assertThat(card(page, supervisory.id)).contains("监管").doesNotContain("card-fire");
    assertThat(page)
        .contains("sse-connect=\"/live/alarms\"")
        .contains("hx-trigger=\"sse:alarm-changed");
  }

  @Test
  void aFloodShowsItsBannerAndMarksItsAlarms() {
    Alarm flooded = alarms.add(aFireAlarm("op-a", "U-F-1", "洪峰单位").category("OTHER").flood());
    try {
      String queue = signIn("op-a-operator").get("/op/op-a/alarms/queue").body();

      assertThat(queue).contains("id=\"flood-banner\"").contains("警情洪峰");
      assertThat(card(queue, flooded.id)).contains("洪峰归并");
    } finally {
      flooded.state = "DISMISSED";
    }
  }

  @Test
  void aFireWhoseUnitIsNotKnownYetIsQueuedWithItsDeviceAndFlagged() {
    Alarm unbound = alarms.add(aFireAlarm("op-a", "U-X-1", "未知").unitUnknown());
    try {
      String queue = signIn("op-a-operator").get("/op/op-a/alarms/queue").body();

      assertThat(card(queue, unbound.id))
          .contains("未绑定设备 " + unbound.device)
          .contains("unit-unknown");
    } finally {
      unbound.state = "DISMISSED";
    }
  }

  @Test
  void anOperatorOfAnotherCompanySeesNoneOfItsAlarms() {
    Alarm ofOpA = alarms.add(aFireAlarm("op-a", "U-330106-A001", "甲公司单位"));
    Browserless opB = signIn("op-b-operator");

    assertThat(opB.last.body())
        .contains("id=\"queue\"")
        .doesNotContain(ofOpA.id)
        .doesNotContain("甲公司单位");
    assertThat(opB.get("/op/op-b/alarms/queue").body()).doesNotContain(ofOpA.id);
    assertThat(opB.get("/op/op-b/alarms/history").body()).doesNotContain(ofOpA.id);
    assertThat(opB.get("/op/op-b/alarms/" + ofOpA.id).statusCode()).isEqualTo(404);
    assertThat(opB.get("/op/op-a/alarms/" + ofOpA.id).statusCode()).isEqualTo(404);
    assertThat(opB.get("/op/op-a").statusCode()).isEqualTo(404);
    assertThat(opB.last.body()).doesNotContain(ofOpA.id);
  }

  @Test
  void theAlarmServiceGetsTheUsersOwnTokenAndAdminNamesTheOperator() {
    signIn("op-a-operator");
    StubAlarmService.Relayed operatorCall = last("/api/alarms/queue");
    assertThat(operatorCall.subject()).isEqualTo("op-a-operator");
    assertThat(operatorCall.path()).doesNotContain("operator=");

    signIn("admin").get("/op/op-b");
    StubAlarmService.Relayed adminCall = last("/api/alarms/queue");
    assertThat(adminCall.subject()).isEqualTo("admin");
    assertThat(adminCall.path()).contains("operator=op-b");
  }

  @Test
  void anOperatorClaimsCallsAndConfirmsATrueFire() {
    Alarm alarm = alarms.add(aFireAlarm("op-a", "U-330106-A001", "西湖医院"));
    Browserless op = signIn("op-a-operator");
    String detailPath = "/op/op-a/alarms/" + alarm.id;

    String detail = op.get(detailPath).body();
    assertThat(detail)
        .contains("西湖医院")
        .contains("杭州市西湖区文三路 100 号")
        .contains("消防安全重点单位")
        .contains("30.274100, 120.155100")
        .contains("openstreetmap.org/?mlat=30.274100&amp;mlon=120.155100")
        .contains("住院楼 3F 东侧走廊")
        .contains("拨打消防控制室电话确认")
        .contains("本点位 9/12");
    assertThat(detail.indexOf("王建国")).isLessThan(detail.indexOf("李敏"));
    assertThat(detail).contains("id=\"claim\"").doesNotContain("id=\"confirm-fire\"");

    HttpResponse<String> claimed = op.post(detailPath + "/claim");
    assertThat(claimed.uri().getPath()).isEqualTo(detailPath);
    assertThat(claimed.body()).contains("id=\"flash\"").contains("已受理").contains("id=\"release\"");
    assertThat(alarms.get(alarm.id).claimedBy).isEqualTo("op-a-operator");

    op.post(
        detailPath + "/calls",
        "contactName",
        "王建国",
        "phone",
        "0571-88000001",
        "outcome",
        "NO_ANSWER",
        "note",
        "");
    HttpResponse<String> answered =
        op.post(
            detailPath + "/calls",
            "contactName",
            "李敏",
            "phone",
            "13800000002",
            "outcome",
            "ANSWERED",
            "note",
            "确认起火");
    assertThat(answered.body())
        .contains("通话结果已记录")
        .contains("data-outcome=\"NO_ANSWER\"")
        .contains("data-outcome=\"ANSWERED\"");

    HttpResponse<String> confirmed =
        op.post(
            detailPath + "/confirm",
            "fireLocation",
            "住院楼 3F 东侧走廊 配电间",
            "burningMaterial",
            "电缆",
            "fireSize",
            "冒烟，明火约 1 平方米",
            "caller",
            "李敏",
            "callerPhone",
            "13800000002",
            "notes",
            "");
    assertThat(confirmed.body())
        .contains("已确认为真实火警")
        .contains("data-verdict=\"TRUE_FIRE\"")
        .contains("data-kind=\"CONFIRMED\"")
        .doesNotContain("id=\"confirm-fire\"");
    assertThat(alarms.confirmation(alarm.id))
        .containsEntry("fireLocation", "住院楼 3F 东侧走廊 配电间")
        .containsEntry("burningMaterial", "电缆")
        .containsEntry("caller", "李敏")
        .containsEntry("callerPhone", "13800000002")
        .containsEntry("notes", null);
    String timeline = section(confirmed.body(), "timeline\"");
    assertThat(
            order(
                timeline,
                "data-kind=\"RAISED\"",
                "data-kind=\"CLAIMED\"",
                "data-kind=\"CALL\"",
                "data-kind=\"CONFIRMED\""))
        .isSorted();
  }

  @Test
  void aClaimHeldByAnotherSeatAndActionsWithoutAClaimAreShownAsConflicts() {
    Alarm alarm = alarms.add(aFireAlarm("op-a", "U-330106-A001", "西湖医院").claimedBy("op-a-other"));
    Browserless op = signIn("op-a-operator");
    String detailPath = "/op/op-a/alarms/" + alarm.id;

    assertThat(op.get(detailPath).body())
        .contains("已由 op-a-other 受理")
        .doesNotContain("id=\"claim\"");

    HttpResponse<String> claim = op.post(detailPath + "/claim");
    assertThat(claim.statusCode()).isEqualTo(200);
    assertThat(flash(claim.body()))
        .contains("data-status=\"409\"")
        .contains("操作未完成")
        .contains("already claimed by op-a-other");

    HttpResponse<String> call =
        op.post(detailPath + "/calls", "contactName", "王建国", "phone", "1", "outcome", "BUSY");
    assertThat(flash(call.body()))
        .contains("data-status=\"409\"")
        .contains("claim the alarm first");
    assertThat(alarms.get(alarm.id).claimedBy).isEqualTo("op-a-other");
    assertThat(alarms.get(alarm.id).calls).isEmpty();
  }

  @Test
  void aFalseAlarmNeedsItsCauseATestNoneAndAClosedAlarmTakesNoMoreActions() {
    Alarm alarm = alarms.add(aFireAlarm("op-a", "U-330106-A001", "西湖医院"));
    Browserless op = signIn("op-a-operator");
    String detailPath = "/op/op-a/alarms/" + alarm.id;
    op.get(detailPath);
    op.post(detailPath + "/claim");

    HttpResponse<String> noCause =
        op.post(detailPath + "/dismiss", "verdict", "FALSE_ALARM", "cause", "", "notes", "");
    assertThat(flash(noCause.body())).contains("data-status=\"400\"").contains("cause is required");
    assertThat(alarms.get(alarm.id).state).isEqualTo("CLAIMED");

    HttpResponse<String> dismissed =
        op.post(
            detailPath + "/dismiss", "verdict", "FALSE_ALARM", "cause", "STEAM", "notes", "厨房蒸汽");
    assertThat(dismissed.body())
        .contains("已记为误报")
        .contains("data-verdict=\"FALSE_ALARM\"")
        .contains("水汽/蒸汽")
        .contains("厨房蒸汽");

    HttpResponse<String> again = op.post(detailPath + "/claim");
    assertThat(flash(again.body())).contains("data-status=\"409\"").contains("already closed");
  }

  @Test
  void aTestIsRecordedWithoutACause() {
    Alarm alarm = alarms.add(aFireAlarm("op-a", "U-330106-A001", "西湖医院"));
    Browserless op = signIn("op-a-operator");
    String detailPath = "/op/op-a/alarms/" + alarm.id;
    op.get(detailPath);
    op.post(detailPath + "/claim");

    // The form's cause select is still sent; the console drops it for a test.
    HttpResponse<String> test =
        op.post(detailPath + "/dismiss", "verdict", "TEST", "cause", "DUST", "notes", "月度联动测试");

    assertThat(test.body()).contains("已记为测试").contains("data-verdict=\"TEST\"");
    assertThat(alarms.get(alarm.id).result)
        .containsEntry("verdict", "TEST")
        .containsEntry("cause", null);
  }

  @Test
  void aSupervisorTakesOverAnotherSeatsClaim() {
    Alarm alarm =
        alarms.add(aFireAlarm("op-a", "U-330106-A001", "西湖医院").claimedBy("op-a-operator"));
    Browserless supervisor = signIn("op-a-supervisor");
    String detailPath = "/op/op-a/alarms/" + alarm.id;

    assertThat(supervisor.get(detailPath).body()).contains("id=\"take-over\"");
    HttpResponse<String> taken = supervisor.post(detailPath + "/claim", "takeOver", "true");

    assertThat(taken.body()).contains("已接管").contains("已由 op-a-supervisor 受理");
    assertThat(alarms.get(alarm.id).claimedBy).isEqualTo("op-a-supervisor");
  }

  @Test
  void supervisionAndTheUnitManagerReadWithoutActions() {
    Alarm own = alarms.add(aFireAlarm("op-a", "U-330106-A001", "西湖医院"));
    Alarm other = alarms.add(aFireAlarm("op-a", "U-330106-A009", "别的单位"));

    Browserless supervision = signIn("supervision");
    HttpResponse<String> read = supervision.get("/op/op-a/alarms/" + own.id);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body())
        .contains("id=\"read-only\"")
        .doesNotContain("id=\"claim\"")
        .doesNotContain("call-form");
    assertThat(supervision.post("/op/op-a/alarms/" + own.id + "/claim").statusCode())
        .isEqualTo(403);
    assertThat(alarms.get(own.id).claimedBy).isNull();

    Browserless unit = signIn("unit-manager");
    String list = unit.get("/unit/U-330106-A001/alarms").body();
    assertThat(list).contains(own.id).doesNotContain(other.id);
    HttpResponse<String> detail = unit.get("/unit/U-330106-A001/alarms/" + own.id);
    assertThat(detail.statusCode()).isEqualTo(200);
    assertThat(detail.body())
        .contains("西湖医院")
        .contains("id=\"read-only\"")
        .doesNotContain("id=\"claim\"");
    assertThat(unit.get("/unit/U-330106-A001/alarms/" + other.id).statusCode()).isEqualTo(404);
    assertThat(unit.get("/op/op-a/alarms/" + own.id).statusCode()).isEqualTo(403);
  }

  @Test
  void historySearchFiltersAndPages() {
    Instant base = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < 23; i++) {
      alarms.add(
          aFireAlarm("op-a", "U-H-1", "历史单位")
              .at(base.plus(i, ChronoUnit.HOURS))
              .closed(i % 2 == 0 ? "FALSE_ALARM" : "TEST", i % 2 == 0 ? "DUST" : null));
    }
    Browserless op = signIn("op-a-operator");

    String first = op.get("/op/op-a/alarms/history?unit=U-H-1").body();
    assertThat(first)
        .contains("共 23 条 · 第 1 页")
        .contains("id=\"next\"")
        .doesNotContain("id=\"previous\"");
    assertThat(rows(first)).isEqualTo(20);
    String second = op.get("/op/op-a/alarms/history?unit=U-H-1&page=1").body();
    assertThat(rows(second)).isEqualTo(3);
    assertThat(second).contains("id=\"previous\"");

    String falseAlarms = op.get("/op/op-a/alarms/history?unit=U-H-1&verdict=FALSE_ALARM").body();
    assertThat(falseAlarms).contains("共 12 条");
    // 2026-03-01 08:00 to 12:00 Beijing time = 00:00 to 04:00 UTC: four alarms.
    String window =
        op.get("/op/op-a/alarms/history?unit=U-H-1&from=2026-03-01T08:00&to=2026-03-01T12:00")
            .body();
    assertThat(window).contains("共 4 条");
    assertThat(last("/api/alarms?").path())
        .contains("from=2026-03-01T00:00:00Z")
        .contains("to=2026-03-01T04:00:00Z");
  }

  @Test
  void falseAlarmStatisticsPerUnitAndPointWithAChart() {
    for (int i = 0; i < 3; i++) {
      alarms.add(aFireAlarm("op-a", "U-S-1", "误报大户").closed("FALSE_ALARM", "DUST"));
    }
    alarms.add(aFireAlarm("op-a", "U-S-1", "误报大户").closed("TRUE_FIRE", null));

    String page = signIn("op-a-operator").get("/op/op-a/alarms/statistics").body();

    assertThat(page)
        .contains("id=\"unit-stats\"")
        .contains("id=\"point-stats\"")
        .contains("data-false-alarm-chart");
    Matcher row = Pattern.compile("data-unit=\"U-S-1\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
    assertThat(row.find()).isTrue();
    assertThat(row.group(1).replaceAll("\\s+", ""))
        .contains("<td>4</td><td>3</td><td>0</td><td>1</td><td>75.0%</td>");
    assertThat(page).contains("&quot;units&quot;:[").contains("误报大户");
  }

  @Test
  void onlySupervisorsChangeThePolicyAndTheActionPlans() {
    assertThat(signIn("op-a-operator").get("/op/op-a/alarms/settings").statusCode()).isEqualTo(403);

    Browserless supervisor = signIn("op-a-supervisor");
    String settings = supervisor.get("/op/op-a/alarms/settings").body();
    assertThat(settings)
        .contains("name=\"unclaimedAfter\" required value=\"30\"")
        .contains("name=\"unconfirmedAfter\" required value=\"180\"");

    HttpResponse<String> saved =
        supervisor.post(
            "/op/op-a/alarms/settings/policy",
            "unclaimedAfter",
            "45",
            "unconfirmedAfter",
            "240",
            "claimIdleTimeout",
            "120",
            "forwardUnconfirmedTo119",
            "true",
            "groupingWindow",
            "10",
            "floodPoints",
            "25",
            "floodWindow",
            "2");
    assertThat(saved.body()).contains("策略已保存").contains("value=\"45\"").contains("value=\"25\"");

    HttpResponse<String> refused =
        supervisor.post(
            "/op/op-a/alarms/settings/policy",
            "unclaimedAfter",
            "45",
            "unconfirmedAfter",
            "240",
            "claimIdleTimeout",
            "120",
            "groupingWindow",
            "10",
            "floodPoints",
            "1",
            "floodWindow",
            "2");
    assertThat(flash(refused.body())).contains("data-status=\"400\"").contains("floodPoints");

    HttpResponse<String> plan =
        supervisor.post(
            "/op/op-a/alarms/settings/plans/CROWDED_PLACE", "steps", "拨打控制室\n通知疏散\n\n转 119");
    assertThat(plan.body()).contains("预案已保存").contains("拨打控制室\n通知疏散\n转 119");
  }

  @Test
  void aFailingAlarmServiceShowsAMessageNeverAWhitePage() {
    Browserless op = signIn("op-a-operator");
    alarms.failing = true;
    try {
      HttpResponse<String> home = op.get("/op/op-a");
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.body())
          .contains("data-problem=\"FAILED\"")
          .contains("警情服务出错")
          .contains("HTTP 503");
      assertThat(op.get("/op/op-a/alarms/history").body()).contains("data-problem=\"FAILED\"");
    } finally {
      alarms.failing = false;
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static StubAlarmService.Relayed last(String pathPrefix) {
    List<StubAlarmService.Relayed> calls = alarms.relayedTo(pathPrefix);
    assertThat(calls).as("calls to " + pathPrefix).isNotEmpty();
    return calls.get(calls.size() - 1);
  }

  private static List<Integer> order(String page, String... markers) {
    return java.util.Arrays.stream(markers)
        .map(
            m -> {
              int at = page.indexOf(m);
              assertThat(at).as(m).isNotNegative();
              return at;
            })
        .toList();
  }

  /** The part of the page from the element whose class (or id) starts with this text. */
  private static String section(String page, String marker) {
    int start = page.indexOf(marker);
    assertThat(start).as(marker).isNotNegative();
    int end = page.indexOf("</ol>", start);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  private static String card(String page, String alarmId) {
    int start = page.lastIndexOf("<li", page.indexOf("data-alarm-id=\"" + alarmId + "\""));
    return page.substring(start, page.indexOf("</li>", start));
  }

  private static String flash(String page) {
    int start = page.indexOf("id=\"flash\"");
    assertThat(start).as("flash message").isNotNegative();
    return page.substring(start, page.indexOf("</div>", start));
  }

  private static int rows(String page) {
    return (int) Pattern.compile("<tr data-alarm-id=").matcher(page).results().count();
  }
}
