package io.fenghuo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
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
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A fault from a device appears on the unit's board and closes on recovery, across the real
 * processes of {@code ./fenghuo up}: a simulated seed UITD reports a detector fault (type 2, fault
 * bit) → op-a's gateway confirms it after Kafka took it → {@code status-changed} on {@code
 * fire.op.op-a.signal.status} → the inspection-service opens a fault record ({@code fault.opened}
 * on {@code fire.op.op-a.fault}) → its API lists the open fault and its board shows the point in
 * fault → the console's board page (headless Chromium, where {@code /usr/bin/chromium} exists)
 * shows it live without a reload → the device reports the recovery → {@code fault.closed} with
 * {@code RECOVERY_SIGNAL} → the API shows it closed and the point normal → it leaves the console's
 * board. Every hop is asserted and timed; the table goes to the test output.
 */
@ExtendWith(PlatformExtension.class)
class FaultBoardIT {

  static final String DEVICE = "013301060001"; // op-a's first seed UITD
  static final String UNIT = "U-330106-A001"; // 西湖区人民医院
  static final String STATUS_TOPIC = "fire.op.op-a.signal.status";
  static final String FAULT_TOPIC = "fire.op.op-a.fault";

  @Test
  void aFaultFromADeviceAppearsOnTheUnitsBoardAndClosesOnRecovery() throws Exception {
    Platform platform = PlatformExtension.platform;
    KafkaTap tap = PlatformExtension.tap;
    Api inspection = new Api(Platform.INSPECTION_SERVICE, platform.token("operator", "op-a"));
    SeedPoint point =
        SeedFleet.load(platform.seedDir()).points(DEVICE).stream()
            .filter(p -> p.componentType() == 31) // a heat detector (感温), not the fire test's
            .findFirst()
            .orElseThrow();
    long address = point.componentAddress();
    Hops hops = new Hops();

    SimulatorConfig config =
        SimulatorConfig.builder(new InetSocketAddress("127.0.0.1", Platform.GATEWAY))
            .heartbeat(HeartbeatMode.EMPTY, Duration.ofSeconds(30))
            .retransmission(new RetransmissionPolicy(Duration.ofSeconds(5), 3))
            .build();
    try (Fleet fleet =
            Fleet.start(
                config,
                SeedFleet.load(platform.seedDir()).devices(List.of(DEVICE)),
                Scenario.EMPTY);
        ConsoleBrowser browser = Platform.BROWSER_AVAILABLE ? new ConsoleBrowser() : null) {
      assertThat(fleet.awaitConnected(1, Duration.ofSeconds(30))).as("UITD connected").isTrue();
      SimulatedDevice uitd = fleet.device(0);
      // The inspection-service knows the unit's points from the unit stream before the fault.
      Awaitility.await("the board of " + UNIT + " lists the point " + address)
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> pointOf(inspection.get(board()).expect(200).body(), address) != null);
      if (browser != null) {
        browser.signIn(platform, "op-a-operator");
        browser.page.navigate(platform.consoleUrl() + "/op/op-a/facilities/units/" + UNIT);
        PlaywrightAssertions.assertThat(browser.page.locator("#live-status"))
            .hasClass(java.util.regex.Pattern.compile("open"));
        browser.page.evaluate("window.__notReloaded = true");
      } else {
        System.out.println(
            "[e2e] no " + Platform.CHROMIUM + ": the console's board is not checked");
      }

      // 1. The detector fails: type 2 (component state), fault bit.
      Instant sent = hops.now("UITD sends a detector fault (type 2, fault bit) to op-a's gateway");
      Instant notBefore = sent.minusSeconds(2);
      confirmed(uitd, address, true, sent, hops, "fault");
      Rec status =
          tap.await(
              "status-changed of " + DEVICE + " point " + address,
              Duration.ofSeconds(30),
              r ->
                  r.topic().equals(STATUS_TOPIC)
                      && !r.kafkaTime().isBefore(notBefore)
                      && DEVICE.equals(r.key())
                      && r.data().path("point").path("componentAddress").asLong() == address);
      assertThat(status.ceType()).endsWith("status-changed.v1");
      hops.at("status-changed on " + STATUS_TOPIC + " (Kafka time)", status.kafkaTime());

      // 2. The inspection-service opens a fault record and announces it.
      Rec opened =
          tap.await(
              "fault.opened for point " + address,
              Duration.ofSeconds(30),
              r ->
                  r.topic().equals(FAULT_TOPIC)
                      && r.ceType().endsWith("fault.opened.v1")
                      && !r.kafkaTime().isBefore(notBefore)
                      && r.data().path("point").path("componentAddress").asLong() == address);
      String faultId = opened.text("faultId");
      assertThat(opened.key()).isEqualTo(faultId);
      assertThat(opened.text("unit")).isEqualTo(UNIT);
      assertThat(opened.text("kind")).isEqualTo("POINT_FAULT");
      assertThat(opened.text("device")).isEqualTo(DEVICE);
      hops.at("fault.opened on " + FAULT_TOPIC + " (Kafka time)", opened.kafkaTime());

      JsonNode fault =
          Awaitility.await("fault " + faultId + " open in the inspection-service API")
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(100))
              .until(
                  () ->
                      itemOf(
                          inspection.get("/api/faults?state=open&unit=" + UNIT).expect(200).body(),
                          faultId),
                  f -> f != null);
      hops.now("open fault listed by the inspection-service API");
      assertThat(fault.path("kind").asString()).isEqualTo("POINT_FAULT");
      assertThat(fault.path("state").asString()).isEqualTo("OPEN");
      assertThat(fault.path("location").asString())
          .as("location from the unit archive")
          .isNotBlank();
      JsonNode faulty = pointOf(inspection.get(board()).expect(200).body(), address);
      assertThat(faulty.path("state").path("flags").toString()).contains("FAULT");
      assertThat(faulty.path("state").path("colour").asString()).isEqualTo("yellow");
      assertThat(faulty.path("openFaults").toString()).contains(faultId);
      hops.now("point in fault on the board (inspection-service API)");

      Locator row =
          browser == null
              ? null
              : browser.page.locator("#open-faults [data-fault-id='" + faultId + "']");
      if (browser != null) {
        row.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        hops.now("fault live on the unit's board in the console (Chromium, no reload)");
        PlaywrightAssertions.assertThat(browser.page.locator("[data-point$='-31-" + address + "']"))
            .hasAttribute("data-state", "FAULT");
        assertThat(browser.page.evaluate("window.__notReloaded === true")).isEqualTo(true);
      }

      // 3. The device reports the recovery: the fault closes, verified by the signal.
      Instant recovered = hops.now("UITD sends the recovery (fault bit cleared)");
      confirmed(uitd, address, false, recovered, hops, "recovery");
      Rec closed =
          tap.await(
              "fault.closed of " + faultId,
              Duration.ofSeconds(30),
              r ->
                  r.topic().equals(FAULT_TOPIC)
                      && r.ceType().endsWith("fault.closed.v1")
                      && faultId.equals(r.text("faultId")));
      assertThat(closed.text("closedBy")).isEqualTo("RECOVERY_SIGNAL");
      hops.at("fault.closed on " + FAULT_TOPIC + " (Kafka time)", closed.kafkaTime());
      JsonNode detail =
          Awaitility.await("fault " + faultId + " closed in the API")
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(100))
              .until(
                  () -> inspection.get("/api/faults/" + faultId).expect(200).body().path("fault"),
                  f -> "CLOSED".equals(f.path("state").asString()));
      hops.now("fault closed in the inspection-service API");
      assertThat(detail.path("closedBy").asString()).isEqualTo("RECOVERY_SIGNAL");
      JsonNode recoveredPoint = pointOf(inspection.get(board()).expect(200).body(), address);
      assertThat(recoveredPoint.path("state").path("state").asString()).isEqualTo("NORMAL");
      if (browser != null) {
        PlaywrightAssertions.assertThat(row).hasCount(0);
        hops.now("fault gone from the unit's board in the console (Chromium, no reload)");
        PlaywrightAssertions.assertThat(browser.page.locator("[data-point$='-31-" + address + "']"))
            .hasAttribute("data-state", "NORMAL");
        assertThat(browser.page.evaluate("window.__notReloaded === true")).isEqualTo(true);
      }
    }
    System.out.print(hops.table("fault on the board, closed on recovery"));
    System.out.printf(
        "[e2e] device → fault open in the API: %d ms; recovery → closed: %d ms%n",
        hops.between(
                "UITD sends a detector fault (type 2, fault bit) to op-a's gateway",
                "open fault listed by the inspection-service API")
            .toMillis(),
        hops.between(
                "UITD sends the recovery (fault bit cleared)",
                "fault closed in the inspection-service API")
            .toMillis());
  }

  private static String board() {
    return "/api/units/" + UNIT + "/board";
  }

  /** Sends the fault (on) or its recovery (off) and records when the gateway confirmed it. */
  private static void confirmed(
      SimulatedDevice uitd, long address, boolean on, Instant sent, Hops hops, String what)
      throws Exception {
    List<Delivery> deliveries =
        uitd.apply(new DeviceEvent.Change(PointSelector.component(address), Condition.FAULT, on))
            .get(60, TimeUnit.SECONDS);
    assertThat(deliveries).isNotEmpty().allMatch(Delivery::confirmed);
    hops.at(
        "gateway confirmed the " + what + " to the UITD (after Kafka acks=all)",
        sent.plus(deliveries.get(0).latency()));
  }

  /** The board's point with this component address, or null. */
  static JsonNode pointOf(JsonNode board, long address) {
    for (JsonNode building : board.path("buildings")) {
      for (JsonNode floor : building.path("floors")) {
        for (JsonNode p : floor.path("points")) {
          if (p.path("point").path("componentAddress").asLong() == address) {
            return p;
          }
        }
      }
    }
    for (JsonNode p : board.path("unlocated")) {
      if (p.path("point").path("componentAddress").asLong() == address) {
        return p;
      }
    }
    return null;
  }

  static JsonNode itemOf(JsonNode page, String id) {
    for (JsonNode item : page.path("items")) {
      if (id.equals(item.path("id").asString())) {
        return item;
      }
    }
    return null;
  }
}
