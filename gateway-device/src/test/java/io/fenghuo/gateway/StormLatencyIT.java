package io.fenghuo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.signal.FireAlarmRaised;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.gateway.bindings.StaticDeviceBindings;
import io.fenghuo.gateway.support.GatewayHarness;
import io.fenghuo.gateway.support.RecordLog;
import io.fenghuo.gateway.support.Simulators;
import io.fenghuo.gateway.support.Topics;
import io.fenghuo.simulator.Fleet;
import io.fenghuo.simulator.device.Condition;
import io.fenghuo.simulator.device.DeviceEvent;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.device.UploadKind;
import io.fenghuo.simulator.scenario.Scenario;
import io.fenghuo.simulator.session.Delivery;
import io.fenghuo.simulator.session.HeartbeatMode;
import io.fenghuo.testkit.KafkaBroker;
import io.fenghuo.testkit.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fire first under load: one device raises (and resets) fire alarms while 2,000 simulated devices
 * send heartbeats every second and status (types 1 + 21) every 5 s. The fire alarm's latency from
 * the frame leaving the device to its confirm (which the gateway sends only after Kafka
 * acknowledged the record, so it bounds frame-to-Kafka from above) is measured idle and during the
 * storm. The test asserts behaviour only (every alarm delivered, confirmed, on {@code
 * signal.alarm}); it prints the percentiles, which are recorded in the README.
 */
@Tag("load")
class StormLatencyIT {

  static final int STORM_DEVICES = 2_000;
  static final int ALARMS = 60;

  final KafkaBroker kafka = TestInfrastructure.kafka();
  final OperatorId op = GatewayHarness.freshOperator("storm");

  @Test
  void fireAlarmsGetThroughAStatusAndHeartbeatStorm() throws Exception {
    Topics.create(kafka, op, 3, (short) 1);
    List<DeviceSpec> alarmDevice = Simulators.devices(0x0000_0d00_0001L, 1);
    List<DeviceSpec> storm = Simulators.devices(0x0000_0e00_0001L, STORM_DEVICES);
    try (Gateway gateway =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-storm")
                    .maxConnectionsPerSourceAddress(STORM_DEVICES + 100)
                    .build(),
                kafka,
                StaticDeviceBindings.everyDevice());
        RecordLog log = new RecordLog(kafka, List.of(Topics.topic(op, Stream.SIGNAL_ALARM)));
        Fleet fire =
            Fleet.start(
                Simulators.config(gateway.address()).build(), alarmDevice, Scenario.EMPTY)) {
      assertThat(fire.awaitConnected(1, Duration.ofSeconds(10))).isTrue();
      alarms(fire, alarmDevice.get(0), 10); // warm-up: JIT, producer metadata
      Histogram idle = alarms(fire, alarmDevice.get(0), ALARMS);

      Histogram loaded;
      long stormFrames;
      try (Fleet load =
          Fleet.start(
              Simulators.config(gateway.address())
                  .heartbeat(HeartbeatMode.EMPTY, Duration.ofSeconds(1))
                  .statusInterval(Duration.ofSeconds(5))
                  .connectRate(1_000)
                  .build(),
              storm,
              Scenario.EMPTY)) {
        assertThat(load.awaitConnected(STORM_DEVICES, Duration.ofSeconds(60))).isTrue();
        Thread.sleep(5_000); // every device has sent heartbeats and a status round
        double before =
            gateway
                .metrics()
                .count("fenghuo.gateway.frames", "type", "empty", "outcome", "coalesced");
        long started = System.nanoTime();
        loaded = alarms(fire, alarmDevice.get(0), ALARMS);
        double seconds = (System.nanoTime() - started) / 1e9;
        stormFrames =
            (long)
                (gateway
                        .metrics()
                        .count("fenghuo.gateway.frames", "type", "empty", "outcome", "coalesced")
                    - before);
        System.out.printf(
            "storm: %d devices connected, %.0f coalesced heartbeats/s during the measurement%n",
            gateway.connections() - 1, stormFrames / seconds);
      }

      int expected = 10 + 2 * ALARMS;
      assertThat(
              log.await(
                  r -> r.value().data() instanceof FireAlarmRaised,
                  expected,
                  Duration.ofSeconds(30)))
          .as("every fire alarm on signal.alarm")
          .hasSize(expected);
      print("idle ", idle);
      print("storm", loaded);
      System.out.printf(
          "storm/idle: p50 %.2f×, p99 %.2f×%n",
          (double) loaded.getValueAtPercentile(50) / idle.getValueAtPercentile(50),
          (double) loaded.getValueAtPercentile(99) / idle.getValueAtPercentile(99));
    }
  }

  /** Raises and resets fire alarms; returns the alarms' frame → confirm latencies (µs). */
  private static Histogram alarms(Fleet fleet, DeviceSpec spec, int n) throws Exception {
    Histogram h = new Histogram(60_000_000L, 3);
    for (int i = 0; i < n; i++) {
      for (boolean on : new boolean[] {true, false}) {
        List<Delivery> d =
            fleet
                .device(0)
                .apply(new DeviceEvent.Change(Simulators.firstComponent(spec), Condition.FIRE, on))
                .get(30, TimeUnit.SECONDS);
        assertThat(d).isNotEmpty().allMatch(Delivery::confirmed);
        for (Delivery x : d) {
          if (x.kind() == UploadKind.FIRE) {
            h.recordValue(Math.max(1, x.latency().toNanos() / 1_000));
          }
        }
      }
      Thread.sleep(50);
    }
    return h;
  }

  private static void print(String phase, Histogram h) {
    System.out.printf(
        "fire alarm frame→confirm (after Kafka ack) %s: n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms"
            + " max=%.2f ms%n",
        phase,
        h.getTotalCount(),
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(90) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getMaxValue() / 1000.0);
  }
}
