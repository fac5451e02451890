package io.fenghuo.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.alarm.FireReport;
import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.contracts.dispatch.IncidentReported;
import io.fenghuo.contracts.dispatch.IncidentUnacknowledged;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicName;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.starter.kafka.EventPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/**
 * The 119 terminal (火警信息终端) and the operator's 119 status against the stub dispatch-119 service and
 * alarm-service: who sees what, what the pages show, what the buttons send, and which live signals
 * reach whom.
 */
class TerminalPagesIT extends RunningConsole {

  @Autowired EventPublisher publisher;
  @Autowired KafkaListenerEndpointRegistry listeners;

  final StubDispatchService dispatch = stack.dispatchService;

  @BeforeEach
  void cleanTerminal() {
    dispatch.clear();
  }

  @Test
  void theDispatcherStartsOnTheLiveListWithEveryOperatorsIncidentsUnacknowledgedFirst() {
    Instant now = Instant.now();
    var acknowledged =
        dispatch.add(
            StubDispatchService.anIncident("op-a", "U-330106-A001", "西湖区人民医院")
                .status("ACKNOWLEDGED")
                .at(now.minusSeconds(30)));
    var ofOpB =
        dispatch.add(
            StubDispatchService.anIncident("op-b", "U-330106-B001", "古荡小学")
                .at(now.minusSeconds(300)));
    var unconfirmed =
        dispatch.add(
            StubDispatchService.anIncident("op-a", "U-330106-A007", "文三路购物中心")
                .unconfirmed("NOT_CLAIMED")
                .at(now.minusSeconds(60)));

    Browserless browser = signIn("dispatcher");
    HttpResponse<String> home = browser.last;

    assertThat(home.uri().getPath()).isEqualTo("/dispatch");
    String body = home.body();
    assertThat(body).contains("data-home=\"dispatcher-119\"").contains("id=\"awaiting-banner\"");
    int first = body.indexOf("data-incident-id=\"" + unconfirmed.id + "\"");
    int second = body.indexOf("data-incident-id=\"" + ofOpB.id + "\"");
    int third = body.indexOf("data-incident-id=\"" + acknowledged.id + "\"");
    assertThat(first).isPositive().isLessThan(second);
    assertThat(second).isLessThan(third);
    assertThat(body.substring(first - 200, first)).contains("card-fire");
    assertThat(body).contains("古荡小学").contains("文三路购物中心").contains("未经确认的火警");
    assertThat(dispatch.relayedTo("/api/incidents?view=live"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.subject()).isEqualTo("dispatcher"));
  }

  @Test
  void anIncidentShowsTheUnitTheFireTheCallerTheContactsAndWhetherItWasConfirmed() {
    var confirmed =
        dispatch.add(StubDispatchService.anIncident("op-a", "U-330106-A001", "西湖区人民医院"));
    var unconfirmed =
        dispatch.add(
            StubDispatchService.anIncident("op-b", "U-330106-B001", "古荡小学")
                .unconfirmed("NOT_CONFIRMED_IN_TIME"));
    Browserless browser = signIn("dispatcher");

    String page = browser.get("/dispatch/incidents/" + confirmed.id).body();
    assertThat(page)
        .contains("data-confirmed=\"true\"")
        .contains("真实火警：运营机构已与单位电话确认")
        .contains("西湖区人民医院")
        .contains("浙江省杭州市西湖区文三路1号")
        .contains("id=\"building\">住院楼<")
        .contains("id=\"floor\">3F<")
        .contains("id=\"fire-location\">住院楼 3F 东侧走廊<")
        .contains("id=\"burning-material\">纸箱<")
        .contains("id=\"fire-size\">小<")
        .contains("id=\"caller\">张伟<")
        .contains("tel:13900000003")
        .contains("0571-88000119")
        .contains("id=\"position\"")
        .contains("id=\"acknowledge\"")
        .contains("data-kind=\"FORWARDED\"");
    String other = browser.get("/dispatch/incidents/" + unconfirmed.id).body();
    assertThat(other)
        .contains("data-confirmed=\"false\"")
        .contains("未经确认的火警：运营机构尚未与单位确认")
        .contains("未在规定时间内确认");
    assertThat(browser.get("/dispatch/incidents/" + "0000-not-there-0000").statusCode())
        .isEqualTo(404);
  }

  @Test
  void acknowledgeAndProgressAreSentWithTheDispatchersOwnToken() {
    var incident = dispatch.add(StubDispatchService.anIncident("op-a", "U-330106-A001", "西湖区人民医院"));
    Browserless browser = signIn("dispatcher");
    String path = "/dispatch/incidents/" + incident.id;
    browser.get(path);

    HttpResponse<String> acknowledged = browser.post(path + "/acknowledge");
    assertThat(acknowledged.body()).contains("data-ok=\"true\"").contains("已签收，回执已发出");
    assertThat(dispatch.get(incident.id).status).isEqualTo("ACKNOWLEDGED");
    assertThat(acknowledged.body())
        .doesNotContain("id=\"acknowledge\"")
        .contains("id=\"acknowledged\"");

    HttpResponse<String> progressed =
        browser.post(path + "/progress", "stage", "UNITS_DISPATCHED", "note", "西湖消防站 2 车");
    assertThat(progressed.body()).contains("调度进展已发出");
    assertThat(dispatch.get(incident.id).status).isEqualTo("UNITS_DISPATCHED");
    assertThat(progressed.body()).contains("id=\"stage-UNITS_DISPATCHED\"").contains("西湖消防站 2 车");
    List<StubDispatchService.Relayed> posts =
        dispatch.relayedTo(path.replace("/dispatch", "/api")).stream()
            .filter(r -> r.method().equals("POST"))
            .toList();
    assertThat(posts).hasSize(2).allSatisfy(r -> assertThat(r.subject()).isEqualTo("dispatcher"));
    assertThat(posts.get(1).body()).contains("\"stage\":\"UNITS_DISPATCHED\"");

    // A stage the service does not know never leaves the console.
    HttpResponse<String> bogus = browser.post(path + "/progress", "stage", "PARTY");
    assertThat(bogus.body()).contains("data-ok=\"false\"");
    assertThat(dispatch.relayedTo(path.replace("/dispatch", "/api")))
        .filteredOn(r -> r.method().equals("POST"))
        .hasSize(2);
  }

  @Test
  void anOperatorNeverSeesTheTerminal() {
    var incident = dispatch.add(StubDispatchService.anIncident("op-a", "U-330106-A001", "西湖区人民医院"));
    Browserless operator = signIn("op-a-operator");

    for (String path :
        List.of(
            "/dispatch",
            "/dispatch/incidents",
            "/dispatch/incidents/live",
            "/dispatch/incidents/" + incident.id,
            "/dispatch/communication-tests")) {
      assertThat(operator.get(path).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(operator.get("/op/op-a").body()).doesNotContain("href=\"/dispatch");
    assertThat(dispatch.relayedTo("/api/incidents"))
        .noneMatch(r -> r.subject().equals("op-a-operator"));
  }

  @Test
  void theHistorySearchPassesItsFiltersAndDaysInBeijingTime() {
    dispatch.add(StubDispatchService.anIncident("op-a", "U-330106-A001", "西湖区人民医院"));
    dispatch.add(StubDispatchService.anIncident("op-b", "U-330106-B001", "古荡小学"));
    Browserless browser = signIn("dispatcher");

    String page =
        browser
            .get("/dispatch/incidents?q=%E5%8F%A4%E8%8D%A1&confirmed=true&from=2026-01-01")
            .body();

    assertThat(page).contains("古荡小学").doesNotContain("西湖区人民医院");
    StubDispatchService.Relayed call = dispatch.relayedTo("/api/incidents?view=history").get(0);
    assertThat(call.path())
        .contains("confirmed=true")
        .contains("from=2025-12-31T16:00:00Z")
        .contains("q=%E5%8F%A4%E8%8D%A1");
  }

  @Test
  void aPendingCommunicationTestIsAnsweredFromTheTerminal() {
    String test = dispatch.aPendingTest();
    Browserless browser = signIn("dispatcher");

    String page = browser.get("/dispatch/communication-tests").body();
    assertThat(page).contains("data-test-id=\"" + test + "\"").contains("待应答");

    HttpResponse<String> answered =
        browser.post("/dispatch/communication-tests/" + test + "/acknowledge");
    assertThat(answered.body()).contains("已应答通信测试").contains("通过");
    assertThat(dispatch.testStatus(test)).isEqualTo("PASSED");
  }

  @Test
  void theAlarmDetailShowsThe119StatusAndARedCallBannerWhenUnacknowledged() {
    StubAlarmService alarms = stack.alarmService;
    var silent =
        alarms.add(
            StubAlarmService.aFireAlarm("op-a", "U-330106-A001", "西湖区人民医院")
                .closed("TRUE_FIRE", null)
                .dispatch("UNACKNOWLEDGED"));
    var dispatched =
        alarms.add(
            StubAlarmService.aFireAlarm("op-a", "U-330106-A002", "文三路购物中心")
                .closed("TRUE_FIRE", null)
                .dispatch("UNITS_DISPATCHED"));
    Browserless operator = signIn("op-a-operator");

    String page = operator.get("/op/op-a/alarms/" + silent.id).body();
    assertThat(page)
        .contains("id=\"call-119-banner\"")
        .contains("119 未签收 — 请立即拨打 119")
        .contains("tel:119")
        .contains("data-status=\"UNACKNOWLEDGED\"");
    String fine = operator.get("/op/op-a/alarms/" + dispatched.id).body();
    assertThat(fine)
        .doesNotContain("id=\"call-119-banner\"")
        .contains("消防队已出动")
        .contains("id=\"dispatch-acknowledged\"");
    // The fragment the page re-reads on every dispatch event.
    assertThat(operator.get("/op/op-a/alarms/" + silent.id + "/dispatch").body())
        .contains("id=\"call-119-banner\"")
        .doesNotContain("<html");
    assertThat(
            signIn("op-b-operator").get("/op/op-a/alarms/" + silent.id + "/dispatch").statusCode())
        .isEqualTo(404);
  }

  @Test
  void the119TopicsSignalTheTerminalAndTheDispatchStreamOnlyItsOperator() throws Exception {
    ContainerTestUtils.waitForAssignment(
        listeners.getListenerContainer("console-live-incidents"), 2);
    ContainerTestUtils.waitForAssignment(
        listeners.getListenerContainer("console-live-dispatch"), TestStack.OPERATORS.size());
    BlockingQueue<String> dispatcher = open(signIn("dispatcher"));
    BlockingQueue<String> opA = open(signIn("op-a-operator"));
    BlockingQueue<String> opB = open(signIn("op-b-operator"));

    AlarmId alarm = AlarmId.random();
    IncidentReported incident = anIncidentReported(alarm);
    publish(OperatorId.of("op-a"), TopicNames.of(Stream.INCIDENT), incident);
    awaitLine(dispatcher, "data:" + incident.incidentId());

    Instant now = Instant.now();
    publish(
        OperatorId.of("op-a"),
        TopicNames.of(OperatorId.of("op-a"), Stream.DISPATCH),
        new IncidentUnacknowledged(
            alarm,
            IncidentId.forAlarm(alarm),
            UnitId.of("U-330106-A001"),
            now,
            2,
            now,
            "119",
            "119 未确认接警，请立即拨打 119 报警"));
    String line = awaitLine(opA, "119 未签收");
    assertThat(line).contains("data-alert=\"true\"").contains("tone-fire");
    awaitLine(opA, "data:" + alarm);

    Thread.sleep(300);
    assertThat(opA).noneMatch(l -> l.contains(incident.incidentId().toString()));
    assertThat(opB).noneMatch(l -> l.contains(alarm.toString()));
    assertThat(dispatcher).noneMatch(l -> l.contains("119 未签收"));
  }

  // ---------------------------------------------------------------------------------------------

  static IncidentReported anIncidentReported(AlarmId alarm) {
    Instant now = Instant.now();
    return new IncidentReported(
        IncidentId.forAlarm(alarm),
        1,
        1,
        true,
        OperatorId.of("op-a"),
        alarm,
        UnitId.of("U-330106-A001"),
        false,
        now.minusSeconds(60),
        now,
        "op-a-operator",
        io.fenghuo.contracts.alarm.ConfirmationMethod.PHONE_CONFIRMED,
        null,
        null,
        now,
        FireReport.unknown());
  }

  private void publish(OperatorId operator, TopicName topic, FenghuoEvent event) throws Exception {
    publisher
        .publish(topic, publisher.envelope(operator, Instant.now(), event))
        .get(5, TimeUnit.SECONDS);
  }

  private static BlockingQueue<String> open(Browserless browser) throws InterruptedException {
    HttpResponse<java.util.stream.Stream<String>> response = browser.stream("/live/alarms");
    assertThat(response.statusCode()).isEqualTo(200);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
    reader.setDaemon(true);
    reader.start();
    assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo(":connected");
    return lines;
  }

  private static String awaitLine(BlockingQueue<String> lines, String text)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line != null && line.contains(text)) {
        return line;
      }
    }
    throw new AssertionError("no line with " + text);
  }
}
