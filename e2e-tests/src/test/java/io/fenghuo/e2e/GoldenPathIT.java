package io.fenghuo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.fenghuo.e2e.KafkaTap.Rec;
import io.fenghuo.e2e.SeedFleet.SeedPoint;
import io.fenghuo.gb26875.session.RetransmissionPolicy;
import io.fenghuo.simulator.Fleet;
import io.fenghuo.simulator.SimulatorConfig;
import io.fenghuo.simulator.device.Condition;
import io.fenghuo.simulator.device.DeviceEvent;
import io.fenghuo.simulator.device.PointSelector;
import io.fenghuo.simulator.scenario.Scenario;
import io.fenghuo.simulator.session.Delivery;
import io.fenghuo.simulator.session.HeartbeatMode;
import io.fenghuo.simulator.session.SimulatedDevice;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The golden path across the real processes of {@code ./fenghuo up}: a simulated seed UITD raises a
 * fire → op-a's gateway confirms it to the device after Kafka took it → the alarm-service opens an
 * alarm in op-a's queue (API, and live in the console in headless Chromium where {@code
 * /usr/bin/chromium} exists) → the operator claims it, records a call and confirms a true fire (in
 * the browser, else through the API) → the dispatch-119-service reports exactly one incident on
 * {@code fire.119.incident} → the 119 dispatcher acknowledges through its API → the receipt comes
 * back to the operator. Every hop is asserted and timed; the table goes to the test output.
 */
@ExtendWith(PlatformExtension.class)
class GoldenPathIT {

  static final String DEVICE = "013301060001"; // op-a's first seed UITD
  static final String UNIT = "U-330106-A001"; // 西湖区人民医院
  static final String OPERATOR = "op-a";

  @Test
  void aSimulatedFireAlarmReachesTheOperatorIsConfirmedAndAcknowledgedBy119() throws Exception {
    Platform platform = PlatformExtension.platform;
    KafkaTap tap = PlatformExtension.tap;
    Api alarms = new Api(Platform.ALARM_SERVICE, platform.token("operator", OPERATOR));
    Api dispatch = new Api(Platform.DISPATCH_SERVICE, platform.token("dispatcher-119", null));
    SeedFleet seed = SeedFleet.load(platform.seedDir());
    SeedPoint point =
        seed.points(DEVICE).stream().filter(p -> p.componentType() == 42).findFirst().orElseThrow();
    Hops hops = new Hops();
    OpenAlarms.closeAll(alarms, Set.of(UNIT));

    SimulatorConfig config =
        SimulatorConfig.builder(new InetSocketAddress("127.0.0.1", Platform.GATEWAY))
            .heartbeat(HeartbeatMode.EMPTY, Duration.ofSeconds(30))
            .retransmission(new RetransmissionPolicy(Duration.ofSeconds(5), 3))
            .build();
    try (Fleet fleet = Fleet.start(config, seed.devices(List.of(DEVICE)), Scenario.EMPTY);
        OperatorDesk.Session browser = OperatorDesk.open()) {
      assertThat(fleet.awaitConnected(1, Duration.ofSeconds(30))).as("UITD connected").isTrue();
      SimulatedDevice uitd = fleet.device(0);
      browser.signInAndOpenQueue(platform, "op-a-operator");

      // 1. The device raises a fire at a smoke detector: type 2 (component state), fire bit.
      Instant sent = hops.now("UITD sends the fire alarm (type 2, fire bit) to op-a's gateway");
      Instant notBefore = sent.minusSeconds(2); // Kafka's clock is this machine's
      List<Delivery> deliveries =
          uitd.apply(
                  new DeviceEvent.Change(
                      PointSelector.component(point.componentAddress()), Condition.FIRE, true))
              .get(60, TimeUnit.SECONDS);
      assertThat(deliveries).isNotEmpty().allMatch(Delivery::confirmed);
      hops.at(
          "gateway confirmed the upload to the UITD (after Kafka acks=all)",
          sent.plus(deliveries.get(0).latency()));

      // 2. The gateway's fire-alarm signal, on the operator's alarm lane (not unregistered).
      Rec signal =
          tap.await(
              "fire-alarm-raised of " + DEVICE,
              Duration.ofSeconds(30),
              r ->
                  r.topic().equals("fire.op.op-a.signal.alarm")
                      && !r.kafkaTime().isBefore(notBefore)
                      && DEVICE.equals(r.key())
                      && r.data().path("point").path("componentAddress").asLong()
                          == point.componentAddress());
      assertThat(signal.ceType()).endsWith("fire-alarm-raised.v1");
      assertThat(signal.text("device")).isEqualTo(DEVICE);
      assertThat(tap.records(r -> r.topic().equals("fire.op.op-a.signal.unregistered")))
          .as("the seed device is bound, nothing of it is unregistered")
          .noneMatch(r -> DEVICE.equals(r.key()) && !r.kafkaTime().isBefore(notBefore));
      hops.at("fire-alarm-raised on fire.op.op-a.signal.alarm (Kafka time)", signal.kafkaTime());

      // 3. The alarm-service opens the alarm and announces it.
      Rec raised =
          tap.await(
              "alarm raised for " + UNIT,
              Duration.ofSeconds(30),
              r ->
                  r.topic().equals("fire.op.op-a.alarm")
                      && !r.kafkaTime().isBefore(notBefore)
                      && r.ceType().endsWith("alarm.raised.v1")
                      && UNIT.equals(r.text("unit")));
      String alarmId = raised.text("alarmId");
      hops.at("alarm.raised on fire.op.op-a.alarm (Kafka time)", raised.kafkaTime());
      JsonNode card =
          Awaitility.await("alarm " + alarmId + " in op-a's queue")
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(100))
              .until(
                  () -> cardOf(alarms.get("/api/alarms/queue").expect(200).body(), alarmId),
                  c -> c != null);
      hops.now("alarm in op-a's queue (alarm-service API)");
      assertThat(card.path("unitId").asString()).isEqualTo(UNIT);
      assertThat(card.path("category").asString()).isEqualTo("FIRE");
      assertThat(card.path("state").asString()).isEqualTo("OPEN");
      assertThat(card.path("device").asString()).isEqualTo(DEVICE);
      // The location comes from the unit archive (the seed's point list), the device's own text
      // adds the detector kind: "1号楼1层走廊" / "1号楼1层走廊感烟".
      assertThat(point.description()).startsWith(card.path("firstPointLocation").asString());
      assertThat(card.path("firstPointLocation").asString()).isNotBlank();

      // 4. The operator: claim, a call answered by the unit, a true fire.
      if (browser.available()) {
        browser.awaitCard(alarmId);
        hops.now("alarm card live in op-a's console queue (Chromium, no reload)");
        hops.now("operator opens the alarm: claim, call, confirm (browser)");
        browser.claimCallAndConfirm(platform, alarmId);
      } else {
        alarms.post("/api/alarms/" + alarmId + "/claim", null).expect(200);
        hops.now("operator claimed (alarm-service API)");
        JsonNode detail = alarms.get("/api/alarms/" + alarmId).expect(200).body();
        JsonNode contact = detail.path("contacts").path(0);
        alarms
            .post(
                "/api/alarms/" + alarmId + "/calls",
                "{\"contactName\":\""
                    + contact.path("name").asString()
                    + "\",\"phone\":\""
                    + contact.path("phone").asString()
                    + "\",\"outcome\":\"ANSWERED\",\"note\":\"控制室确认冒烟\"}")
            .expect(201);
        hops.now("operator recorded an answered call");
        alarms
            .post(
                "/api/alarms/" + alarmId + "/confirm",
                "{\"fireLocation\":\"" + point.description() + "\",\"burningMaterial\":\"电缆\"}")
            .expect(200);
        hops.now("operator confirmed a true fire (alarm-service API)");
      }
      JsonNode closed = alarms.get("/api/alarms/" + alarmId).expect(200).body();
      assertThat(closed.path("state").asString()).isEqualTo("CONFIRMED");
      assertThat(closed.path("result").path("verdict").asString()).isEqualTo("TRUE_FIRE");
      assertThat(closed.path("calls")).hasSize(1);
      assertThat(closed.path("calls").path(0).path("outcome").asString()).isEqualTo("ANSWERED");

      Rec confirmed =
          tap.await(
              "alarm.confirmed of " + alarmId,
              Duration.ofSeconds(30),
              r ->
                  r.topic().equals("fire.op.op-a.alarm")
                      && r.ceType().endsWith("alarm.confirmed.v1")
                      && alarmId.equals(r.text("alarmId")));
      hops.at("alarm.confirmed on fire.op.op-a.alarm (Kafka time)", confirmed.kafkaTime());

      // 5. Exactly one incident for the alarm on fire.119.incident.
      Rec incident =
          tap.await(
              "incident for " + alarmId,
              Duration.ofSeconds(30),
              r ->
                  r.topic().equals("fire.119.incident")
                      && r.ceType().endsWith("incident-reported.v1")
                      && alarmId.equals(r.text("alarmId")));
      hops.at("incident-reported on fire.119.incident (Kafka time)", incident.kafkaTime());
      String incidentId = incident.text("incidentId");
      assertThat(incident.key()).isEqualTo(incidentId);
      assertThat(incident.data().path("confirmed").asBoolean()).isTrue();
      assertThat(incident.text("operatorId")).isEqualTo(OPERATOR);
      assertThat(incident.text("unit")).isEqualTo(UNIT);
      assertThat(incident.data().path("report").path("device").asString()).isEqualTo(DEVICE);

      // 6. The 119 dispatcher acknowledges (接警确认) through the dispatch-119-service's API.
      hops.now("119 dispatcher acknowledges (dispatch-119-service API)");
      dispatch
          .post("/api/incidents/" + incidentId + "/acknowledge", "{\"note\":\"e2e: 已派车\"}")
          .expect(202);
      Rec receipt =
          tap.await(
              "receipt for " + incidentId,
              Duration.ofSeconds(30),
              r -> r.topic().equals("fire.119.receipt") && incidentId.equals(r.key()));
      hops.at("receipt-issued on fire.119.receipt (Kafka time)", receipt.kafkaTime());
      Rec received =
          tap.await(
              "receipt-received for " + alarmId,
              Duration.ofSeconds(30),
              r ->
                  r.topic().equals("fire.op.op-a.dispatch")
                      && r.ceType().endsWith("receipt-received.v1")
                      && alarmId.equals(r.key()));
      hops.at("receipt-received on fire.op.op-a.dispatch (Kafka time)", received.kafkaTime());
      assertThat(received.text("incidentId")).isEqualTo(incidentId);

      // 7. The operator's alarm shows the receipt (the alarm-service reads the dispatch stream).
      JsonNode withReceipt =
          Awaitility.await("119 receipt on the alarm's timeline")
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> alarms.get("/api/alarms/" + alarmId).expect(200).body(),
                  GoldenPathIT::hasReceipt);
      assertThat(hasReceipt(withReceipt)).isTrue();
      hops.now("119 receipt on the operator's alarm (alarm-service API)");

      // Exactly one incident, reported once (a resend for want of a receipt would be attempt 2).
      Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
      List<Rec> incidents =
          tap.records(
              r -> r.topic().equals("fire.119.incident") && alarmId.equals(r.text("alarmId")));
      assertThat(incidents.stream().map(r -> r.text("incidentId")).collect(Collectors.toSet()))
          .containsExactly(incidentId);
      assertThat(
              incidents.stream()
                  .filter(
                      r ->
                          r.data().path("revision").asInt() == 1
                              && r.data().path("attempt").asInt() == 1)
                  .map(Rec::ceId)
                  .collect(Collectors.toSet()))
          .hasSize(1);

      System.out.print(hops.table("golden path, device → 119 → operator"));
    }
  }

  static JsonNode cardOf(JsonNode queue, String alarmId) {
    return StreamSupport.stream(queue.path("items").spliterator(), false)
        .filter(c -> alarmId.equals(c.path("id").asString()))
        .findFirst()
        .orElse(null);
  }

  static boolean hasReceipt(JsonNode detail) {
    JsonNode dispatch = detail.path("dispatch");
    boolean inBlock =
        !dispatch.isMissingNode()
            && !dispatch.isNull()
            && (dispatch.has("receipt") && !dispatch.path("receipt").isNull()
                || dispatch.has("acknowledgedAt") && !dispatch.path("acknowledgedAt").isNull());
    boolean onTimeline =
        StreamSupport.stream(detail.path("timeline").spliterator(), false)
            .anyMatch(
                e ->
                    "DISPATCH_FEEDBACK".equals(e.path("kind").asString())
                        && e.toString()
                            .matches("(?s).*(接警|receipt|RECEIPT|ACKNOWLEDGED|acknowledg).*"));
    return inBlock || onTimeline;
  }

  /** The operator's browser, where Chromium is installed; otherwise a no-op. */
  static final class OperatorDesk {
    private OperatorDesk() {}

    interface Session extends AutoCloseable {
      boolean available();

      void signInAndOpenQueue(Platform platform, String user);

      void awaitCard(String alarmId);

      void claimCallAndConfirm(Platform platform, String alarmId);

      @Override
      void close();
    }

    static Session open() {
      if (!Platform.BROWSER_AVAILABLE) {
        System.out.println(
            "[e2e] no " + Platform.CHROMIUM + ": the operator's steps go through the API");
        return new Session() {
          public boolean available() {
            return false;
          }

          public void signInAndOpenQueue(Platform platform, String user) {}

          public void awaitCard(String alarmId) {}

          public void claimCallAndConfirm(Platform platform, String alarmId) {}

          public void close() {}
        };
      }
      return new Chromium();
    }
  }

  /** The operator's steps in the console in headless Chromium ({@link ConsoleBrowser}). */
  static final class Chromium implements OperatorDesk.Session {
    private final ConsoleBrowser console = new ConsoleBrowser();
    private final Page page = console.page;

    @Override
    public boolean available() {
      return true;
    }

    @Override
    public void signInAndOpenQueue(Platform platform, String user) {
      console.signIn(platform, user);
      page.navigate(platform.consoleUrl() + "/op/op-a");
      PlaywrightAssertions.assertThat(page.locator("#live-status"))
          .hasClass(Pattern.compile("open"));
      page.evaluate("window.__notReloaded = true");
    }

    @Override
    public void awaitCard(String alarmId) {
      page.locator("#queue [data-alarm-id='" + alarmId + "']")
          .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
      assertThat(page.evaluate("window.__notReloaded === true"))
          .as("the card arrived live, without a reload")
          .isEqualTo(true);
    }

    @Override
    public void claimCallAndConfirm(Platform platform, String alarmId) {
      page.locator("#queue [data-alarm-id='" + alarmId + "'] a.open").click();
      page.waitForURL(platform.consoleUrl() + "/op/op-a/alarms/" + alarmId);
      page.locator("#claim").click();
      PlaywrightAssertions.assertThat(page.locator("#flash")).containsText("已受理");
      page.locator("[data-contact] button[value='ANSWERED']").first().click();
      PlaywrightAssertions.assertThat(page.locator("#calls tr[data-outcome='ANSWERED']"))
          .hasCount(1);
      page.locator("#confirm-form input[name='fireLocation']").fill("1号楼 e2e 确认");
      page.locator("#confirm-form input[name='burningMaterial']").fill("电缆");
      page.locator("#confirm-fire").click();
      PlaywrightAssertions.assertThat(page.locator("#flash")).containsText("已确认为真实火警");
      PlaywrightAssertions.assertThat(page.locator("#verdict")).hasText("真实火警");
    }

    @Override
    public void close() {
      console.close();
    }
  }
}
