package io.fenghuo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.signal.DeviceDisconnected;
import io.fenghuo.contracts.signal.DisconnectReason;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.gateway.bindings.StaticDeviceBindings;
import io.fenghuo.gateway.support.GatewayHarness;
import io.fenghuo.gateway.support.RecordLog;
import io.fenghuo.gateway.support.Simulators;
import io.fenghuo.gateway.support.TestUitd;
import io.fenghuo.gateway.support.Topics;
import io.fenghuo.gb26875.Gb26875Codec;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.simulator.Fleet;
import io.fenghuo.simulator.SimulatorConfig;
import io.fenghuo.simulator.scenario.Scenario;
import io.fenghuo.simulator.session.SimulatedDevice;
import io.fenghuo.testkit.KafkaBroker;
import io.fenghuo.testkit.TestInfrastructure;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-session rules that need time to pass: the idle timeout, the per-connection frame-rate limit,
 * and the clock sync on connect and on time-label drift (GB 50440: device clocks within 5 s).
 */
class SessionRulesIT {

  static final Duration WAIT = Duration.ofSeconds(15);
  static final KafkaBroker kafka = TestInfrastructure.kafka();
  static final OperatorId op = GatewayHarness.freshOperator("rules");

  @BeforeAll
  static void topics() {
    Topics.create(kafka, op, 1, (short) 1);
  }

  @Test
  void aSilentDeviceIsDisconnectedForIdlenessAndCounted() throws Exception {
    long silent = 0x0000_0f00_0001L;
    long chatty = 0x0000_0f00_0002L;
    try (Gateway gateway =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-idle").idleTimeout(Duration.ofSeconds(1)).build(),
                kafka,
                StaticDeviceBindings.everyDevice());
        RecordLog log = new RecordLog(kafka, List.of(Topics.topic(op, Stream.DEVICE_CONNECTION)));
        TestUitd quiet = new TestUitd(silent, gateway.address());
        TestUitd talking = new TestUitd(chatty, gateway.address())) {
      Gb26875Message first = quiet.heartbeat();
      quiet.send(first);
      assertThat(quiet.awaitConfirm(first.header().serial(), WAIT)).isNotNull();
      long lastFrame = System.nanoTime();

      // Meanwhile another device sends a heartbeat every 300 ms and stays connected.
      while (!quiet.isClosedByPeer() && System.nanoTime() - lastFrame < WAIT.toNanos()) {
        talking.send(talking.heartbeat());
        Thread.sleep(300);
      }
      double silentFor = (System.nanoTime() - lastFrame) / 1e9;

      assertThat(quiet.isClosedByPeer()).as("silent device closed").isTrue();
      assertThat(silentFor).isGreaterThan(0.9);
      assertThat(talking.isClosedByPeer()).as("talking device still connected").isFalse();
      assertThat(gateway.metrics().count("fenghuo.gateway.protection", "limit", "idle_timeout"))
          .isEqualTo(1.0);
      assertThat(gateway.metrics().count("fenghuo.gateway.disconnects", "reason", "idle_timeout"))
          .isEqualTo(1.0);
      var disconnected = log.await(RecordLog.of(silent, EventType.DEVICE_DISCONNECTED), 1, WAIT);
      assertThat(disconnected).hasSize(1);
      DeviceDisconnected d = (DeviceDisconnected) disconnected.get(0).value().data();
      assertThat(d.reason()).isEqualTo(DisconnectReason.IDLE_TIMEOUT);
      System.out.printf("idle: closed after %.1f s of silence (idle-timeout 1 s)%n", silentFor);
    }
  }

  @Test
  void framesBeyondThePerConnectionRateAreDroppedUnconfirmedAndCounted() throws Exception {
    try (Gateway gateway =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-rate").maxFramesPerSecond(10).build(),
                kafka,
                StaticDeviceBindings.everyDevice());
        TestUitd uitd = new TestUitd(0x0000_0f00_0003L, gateway.address())) {
      // 30 heartbeats in one write: far more than 10 within one second.
      List<byte[]> frames = new ArrayList<>();
      ByteArrayOutputStream burst = new ByteArrayOutputStream();
      for (int i = 0; i < 30; i++) {
        byte[] wire = Gb26875Codec.encode(uitd.heartbeat(), DeviceProfile.STANDARD);
        frames.add(wire);
        burst.write(wire);
      }
      uitd.sendRaw(burst.toByteArray());

      await()
          .atMost(WAIT)
          .until(
              () -> gateway.metrics().count("fenghuo.gateway.protection", "limit", "frame_rate"),
              n -> n >= 20);
      Thread.sleep(300);
      int confirmed = uitd.confirmedSerials().size();
      double dropped = gateway.metrics().count("fenghuo.gateway.protection", "limit", "frame_rate");
      // The window also counts the device's confirm of the clock sync sent on connect.
      assertThat(confirmed).isBetween(1, 10);
      assertThat(confirmed + dropped).isBetween(30.0, 31.0);
      assertThat(uitd.isClosedByPeer()).as("the connection stays open").isFalse();

      // The next window admits frames again: the device's retransmission of a dropped frame
      // (same serial and bytes) is confirmed then.
      int lastSerial = 29;
      assertThat(uitd.confirmedSerials()).doesNotContain(lastSerial);
      Thread.sleep(1_100);
      uitd.sendRaw(frames.get(lastSerial));
      assertThat(uitd.awaitConfirm(lastSerial, WAIT)).isNotNull();
      System.out.printf(
          "frame rate: 30 frames in one burst, limit 10/s: %d confirmed, %.0f dropped%n",
          confirmed, dropped);
    }
  }

  @Test
  void aFireAlarmGoesThroughEvenBeyondTheFrameRate() throws Exception {
    try (Gateway gateway =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-rate-fire").maxFramesPerSecond(10).build(),
                kafka,
                StaticDeviceBindings.everyDevice());
        TestUitd uitd = new TestUitd(0x0000_0f00_0004L, gateway.address())) {
      // 30 heartbeats fill the window three times over; the fire alarm comes last in the burst.
      ByteArrayOutputStream burst = new ByteArrayOutputStream();
      for (int i = 0; i < 30; i++) {
        burst.write(Gb26875Codec.encode(uitd.heartbeat(), DeviceProfile.STANDARD));
      }
      Gb26875Message fire = uitd.fireAlarm(7, "3F 东走廊 感烟");
      burst.write(Gb26875Codec.encode(fire, DeviceProfile.STANDARD));
      uitd.sendRaw(burst.toByteArray());

      assertThat(uitd.awaitConfirm(fire.header().serial(), WAIT))
          .as("the fire alarm is confirmed at once, not after a retransmission")
          .isNotNull();
      assertThat(gateway.metrics().count("fenghuo.gateway.protection", "limit", "frame_rate"))
          .as("heartbeats over the limit were still dropped")
          .isGreaterThanOrEqualTo(19);
    }
  }

  @Test
  void aDeviceClockIsSynchronisedOnConnect() throws Exception {
    ShiftableClock deviceHost = new ShiftableClock(SimulatorConfig.DEFAULT_ZONE);
    deviceHost.shift(Duration.ofMinutes(10)); // the device runs 10 min ahead
    try (Gateway gateway =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-sync").build(),
                kafka,
                StaticDeviceBindings.everyDevice());
        Fleet fleet =
            Fleet.start(
                Simulators.config(gateway.address()).clock(deviceHost).build(),
                Simulators.devices(0x0000_0f00_0010L, 1),
                Scenario.EMPTY)) {
      SimulatedDevice device = fleet.device(0);
      await()
          .atMost(WAIT)
          .until(() -> near(device.clockOffset(), Duration.ofMinutes(-10), Duration.ofSeconds(3)));
      await()
          .atMost(WAIT)
          .until(() -> count(gateway, "sync_clock_connect", "confirmed"), n -> n == 1.0);
      Thread.sleep(2_000); // heartbeats with the old, drifting time label may still arrive
      // Within the drift gap (default 1 min) after the connect sync, drifting labels of frames
      // sent before the sync took effect do not trigger another one.
      assertThat(count(gateway, "sync_clock_drift", "confirmed")).isZero();
    }
  }

  @Test
  void aDeviceClockThatDriftsMoreThanFiveSecondsIsSynchronisedAgain() throws Exception {
    ShiftableClock deviceHost = new ShiftableClock(SimulatorConfig.DEFAULT_ZONE);
    try (Gateway gateway =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-drift")
                    .clockDriftSyncGap(Duration.ofSeconds(1))
                    .build(),
                kafka,
                StaticDeviceBindings.everyDevice());
        Fleet fleet =
            Fleet.start(
                Simulators.config(gateway.address()).clock(deviceHost).build(),
                Simulators.devices(0x0000_0f00_0020L, 1),
                Scenario.EMPTY)) {
      SimulatedDevice device = fleet.device(0);
      await()
          .atMost(WAIT)
          .until(() -> count(gateway, "sync_clock_connect", "confirmed"), n -> n == 1.0);
      assertThat(near(device.clockOffset(), Duration.ZERO, Duration.ofSeconds(3))).isTrue();
      Thread.sleep(1_200); // past the drift gap

      // A drift of 4 s is within the limit (5 s): no sync.
      deviceHost.shift(Duration.ofSeconds(4));
      Thread.sleep(2_500); // two heartbeats
      assertThat(count(gateway, "sync_clock_drift", "confirmed")).isZero();

      // 30 s ahead: the next heartbeat's time label triggers a sync that pulls the clock back.
      deviceHost.shift(Duration.ofSeconds(30));
      await()
          .atMost(WAIT)
          .until(() -> near(device.clockOffset(), Duration.ofSeconds(-30), Duration.ofSeconds(3)));
      await()
          .atMost(WAIT)
          .until(() -> count(gateway, "sync_clock_drift", "confirmed"), n -> n >= 1.0);
      System.out.printf(
          "clock: device offset after the drift sync %s, drift syncs %.0f%n",
          device.clockOffset(), count(gateway, "sync_clock_drift", "confirmed"));
    }
  }

  @Test
  void aConnectedDeviceIsSynchronisedAgainOnceTheClockSyncIntervalHasPassed() throws Exception {
    // One clock for the gateway and the device's host: shifting it moves both, so no time label
    // drifts and only the interval (the default, 24 h) can trigger the next sync.
    ShiftableClock clock = new ShiftableClock(SimulatorConfig.DEFAULT_ZONE);
    // A heartbeat encoded just before a shift and read just after it would look 24 h adrift; a
    // drift gap longer than the shifts keeps such a frame from triggering a drift sync instead.
    GatewaySettings settings =
        GatewayHarness.settings(op, "gw-daily").clockDriftSyncGap(Duration.ofDays(2)).build();
    assertThat(settings.clockSyncInterval()).isEqualTo(Duration.ofHours(24));
    try (Gateway gateway =
            GatewayHarness.start(
                settings,
                GatewayHarness.producerBase(kafka, Duration.ofSeconds(30)),
                StaticDeviceBindings.everyDevice(),
                clock.withZone(java.time.ZoneOffset.UTC));
        Fleet fleet =
            Fleet.start(
                Simulators.config(gateway.address()).clock(clock).build(),
                Simulators.devices(0x0000_0f00_0030L, 1),
                Scenario.EMPTY)) {
      await()
          .atMost(WAIT)
          .until(() -> count(gateway, "sync_clock_connect", "confirmed"), n -> n == 1.0);

      // Not yet due: a minute short of a day.
      clock.shift(Duration.ofHours(24).minusMinutes(1));
      Thread.sleep(2_500); // the session checks every second (half-frame-timeout / 3, ≤ 1 s)
      assertThat(count(gateway, "sync_clock_interval", "confirmed")).isZero();

      // A day after the connect sync: the session's next tick sends the daily sync.
      clock.shift(Duration.ofHours(24).plusSeconds(1));
      await()
          .atMost(WAIT)
          .until(() -> count(gateway, "sync_clock_interval", "confirmed"), n -> n == 1.0);
      Thread.sleep(2_500);
      assertThat(count(gateway, "sync_clock_interval", "confirmed"))
          .as("once per interval, not once per tick")
          .isEqualTo(1.0);
      assertThat(count(gateway, "sync_clock_drift", "confirmed")).isZero();
      assertThat(near(fleet.device(0).clockOffset(), Duration.ZERO, Duration.ofSeconds(3)))
          .isTrue();
    }
  }

  private static double count(Gateway gateway, String kind, String outcome) {
    return gateway.metrics().count("fenghuo.gateway.commands", "kind", kind, "outcome", outcome);
  }

  private static boolean near(Duration actual, Duration expected, Duration tolerance) {
    return actual.minus(expected).abs().compareTo(tolerance) <= 0;
  }

  /** The simulated devices' host clock, shifted by the test (a device clock that runs off). */
  static final class ShiftableClock extends Clock {
    private final ZoneId zone;
    private final AtomicLong shiftMillis;

    ShiftableClock(ZoneId zone) {
      this(zone, new AtomicLong());
    }

    private ShiftableClock(ZoneId zone, AtomicLong shiftMillis) {
      this.zone = zone;
      this.shiftMillis = shiftMillis;
    }

    /** From now on, this clock reads the system time plus {@code shift}. */
    void shift(Duration shift) {
      shiftMillis.set(shift.toMillis());
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new ShiftableClock(zone, shiftMillis);
    }

    @Override
    public Instant instant() {
      return Instant.now().plusMillis(shiftMillis.get());
    }
  }
}
