package io.fenghuo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 of the alarm-service while six seed UITDs send fire alarms, then a restart with {@code
 * ./fenghuo up}: every fire the gateway confirmed to a device is, in the end, exactly one point of
 * exactly one open alarm of its unit, reported exactly once (count 1). Counted at three places: the
 * devices (confirmed uploads), Kafka (distinct signal ids on {@code fire.op.op-a.signal.alarm}),
 * the alarm-service (points and their counts, through its API).
 */
@ExtendWith(PlatformExtension.class)
class AlarmServiceCrashIT {

  /**
   * Seed UITDs of op-a with at least {@link #POINTS_PER_DEVICE} points (units A002, A004–A006,
   * A008, A009).
   */
  static final List<String> DEVICES =
      List.of(
          "013301060002",
          "013301060004",
          "013301060005",
          "013301060006",
          "013301060008",
          "013301060009");

  static final int POINTS_PER_DEVICE = 8;
  static final int KILL_AFTER = 12; // fires sent before the kill
  static final Duration SEND_EVERY = Duration.ofMillis(500);

  static String unitOf(String device) {
    return "U-330106-A" + device.substring(9); // 0133010600nn → U-330106-A0nn (seed rule)
  }

  @Test
  void everyFireConfirmedToADeviceIsExactlyOnePointAfterTheAlarmServiceWasKilledAndRestarted()
      throws Exception {
    Platform platform = PlatformExtension.platform;
    KafkaTap tap = PlatformExtension.tap;
    Api alarms = new Api(Platform.ALARM_SERVICE, platform.token("operator", "op-a"));
    SeedFleet seed = SeedFleet.load(platform.seedDir());
    OpenAlarms.closeAll(
        alarms, DEVICES.stream().map(AlarmServiceCrashIT::unitOf).collect(Collectors.toSet()));
    java.time.Instant notBefore = java.time.Instant.now().minusSeconds(2);

    // Round robin over the devices: fire i goes to device i % 6, at its point i / 6.
    List<SeedPoint> plan = new ArrayList<>();
    for (int k = 0; k < POINTS_PER_DEVICE; k++) {
      for (String device : DEVICES) {
        plan.add(seed.points(device).get(k));
      }
    }

    SimulatorConfig config =
        SimulatorConfig.builder(new InetSocketAddress("127.0.0.1", Platform.GATEWAY))
            .heartbeat(HeartbeatMode.EMPTY, Duration.ofSeconds(30))
            .retransmission(new RetransmissionPolicy(Duration.ofSeconds(5), 3))
            .build();
    Map<SeedPoint, CompletableFuture<List<Delivery>>> sent = new HashMap<>();
    CompletableFuture<Void> restarted;
    long killedAtMillis;
    try (Fleet fleet = Fleet.start(config, seed.devices(DEVICES), Scenario.EMPTY)) {
      assertThat(fleet.awaitConnected(DEVICES.size(), Duration.ofSeconds(30))).isTrue();
      long t0 = System.nanoTime();
      killedAtMillis = -1;
      restarted = null;
      for (int i = 0; i < plan.size(); i++) {
        if (i == KILL_AFTER) {
          platform.kill9("alarm-service");
          killedAtMillis = (System.nanoTime() - t0) / 1_000_000;
          System.out.printf(
              "[e2e] kill -9 alarm-service after %d fires (%d ms)%n", i, killedAtMillis);
          restarted =
              CompletableFuture.runAsync(
                  () -> {
                    try {
                      platform.restart();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
        }
        SeedPoint p = plan.get(i);
        sent.put(
            p,
            fleet
                .device(DEVICES.indexOf(p.device()))
                .apply(
                    new DeviceEvent.Change(
                        PointSelector.component(p.componentAddress()), Condition.FIRE, true)));
        Thread.sleep(SEND_EVERY.toMillis());
      }
      CompletableFuture.allOf(sent.values().toArray(CompletableFuture[]::new))
          .get(2, TimeUnit.MINUTES);
      System.out.printf(
          "[e2e] %d fires sent in %d ms; waiting for the alarm-service's restart%n",
          plan.size(), (System.nanoTime() - t0) / 1_000_000);
      restarted.get(5, TimeUnit.MINUTES);
    }

    // In: what the gateway confirmed to the devices.
    Set<SeedPoint> confirmed = new java.util.HashSet<>();
    for (var e : sent.entrySet()) {
      List<Delivery> deliveries = e.getValue().join();
      if (!deliveries.isEmpty() && deliveries.stream().allMatch(Delivery::confirmed)) {
        confirmed.add(e.getKey());
      }
    }
    // Gateway and Kafka stayed up: every fire must have been confirmed.
    assertThat(confirmed).as("fires confirmed to the devices").hasSize(plan.size());

    // On Kafka: one fire-alarm-raised per confirmed fire, by distinct event id.
    List<Rec> signals =
        Awaitility.await("signals of the confirmed fires on Kafka")
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    tap.records(
                        r ->
                            r.topic().equals("fire.op.op-a.signal.alarm")
                                && !r.kafkaTime().isBefore(notBefore)
                                && DEVICES.contains(r.key())),
                list -> list.stream().map(Rec::ceId).distinct().count() >= confirmed.size());
    Set<String> signalIds = signals.stream().map(Rec::ceId).collect(Collectors.toSet());
    assertThat(signalIds).hasSize(confirmed.size());
    // The gateway and Kafka stayed up: no fire was published twice either.
    assertThat(signals).hasSize(confirmed.size());
    Set<String> signalled =
        signals.stream()
            .map(r -> r.key() + "/" + r.data().path("point").path("componentAddress").asLong())
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> confirmedPoints =
        confirmed.stream()
            .map(p -> p.device() + "/" + p.componentAddress())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(signalled).isEqualTo(confirmedPoints);

    // Out: the alarm-service, restarted, has every one of them exactly once.
    Map<String, Set<String>> expected = new TreeMap<>();
    for (SeedPoint p : confirmed) {
      expected
          .computeIfAbsent(unitOf(p.device()), u -> new TreeSet<>())
          .add(p.device() + "/1-" + p.componentAddress());
    }
    Awaitility.await("every confirmed fire as a point of its unit's alarm in the alarm-service")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> pointsOf(alarmsOf(alarms, expected.keySet())), expected::equals);
    Map<String, JsonNode> details = alarmsOf(alarms, expected.keySet());

    int pointsOut = 0;
    for (var e : details.entrySet()) {
      JsonNode detail = e.getValue();
      assertThat(detail.path("category").asString()).as(e.getKey()).isEqualTo("FIRE");
      for (JsonNode point : detail.path("points")) {
        assertThat(point.path("count").asInt())
            .as("reports of %s %s", e.getKey(), point.path("address").asString())
            .isEqualTo(1);
        pointsOut++;
      }
    }
    JsonNode queue = alarms.get("/api/alarms/queue").expect(200).body();
    assertThat(
            StreamSupport.stream(queue.path("items").spliterator(), false)
                .filter(c -> DEVICES.contains(c.path("device").asString()))
                .filter(c -> c.path("unitId").isNull() || c.path("unitId").isMissingNode()))
        .as("alarms of these devices opened without their unit (read model not caught up)")
        .isEmpty();
    for (String unit : expected.keySet()) {
      assertThat(
              StreamSupport.stream(queue.path("items").spliterator(), false)
                  .filter(c -> unit.equals(c.path("unitId").asString())))
          .as("open alarms of %s", unit)
          .hasSize(1);
    }
    Set<String> raisedAlarms =
        tap.records("fire.op.op-a.alarm", "alarm.raised.v1").stream()
            .filter(r -> !r.kafkaTime().isBefore(notBefore) && expected.containsKey(r.text("unit")))
            .map(r -> r.text("alarmId"))
            .collect(Collectors.toSet());
    assertThat(raisedAlarms).as("alarm.raised events, one per unit").hasSize(expected.size());
    System.out.printf(
        "[e2e] kill -9 alarm-service at %d ms: %d fires confirmed to devices, %d distinct signals on"
            + " Kafka (%d records), %d points with count 1 in %d alarms after the restart%n",
        killedAtMillis,
        confirmed.size(),
        signalIds.size(),
        signals.size(),
        pointsOut,
        details.size());
  }

  /** The alarm detail of each unit's open alarm; units without one are left out. */
  private static Map<String, JsonNode> alarmsOf(Api alarms, Set<String> units) throws Exception {
    Map<String, JsonNode> details = new TreeMap<>();
    Api.Reply queue = alarms.get("/api/alarms/queue");
    if (queue.status() != 200) {
      return details; // still starting
    }
    for (JsonNode card : queue.body().path("items")) {
      String unit = card.path("unitId").asString();
      if (units.contains(unit)) {
        details.put(
            unit, alarms.get("/api/alarms/" + card.path("id").asString()).expect(200).body());
      }
    }
    return details;
  }

  private static Map<String, Set<String>> pointsOf(Map<String, JsonNode> details) {
    Map<String, Set<String>> points = new TreeMap<>();
    details.forEach(
        (unit, detail) -> {
          Set<String> set = new TreeSet<>();
          for (JsonNode p : detail.path("points")) {
            set.add(p.path("device").asString() + "/" + p.path("address").asString());
          }
          points.put(unit, set);
        });
    return points;
  }
}
