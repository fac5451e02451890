package io.fenghuo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.StatusChanged;
import io.fenghuo.contracts.signal.UnregisteredDeviceReported;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.gateway.bindings.UnitStreamBindings;
import io.fenghuo.gateway.support.GatewayHarness;
import io.fenghuo.gateway.support.RecordLog;
import io.fenghuo.gateway.support.Simulators;
import io.fenghuo.gateway.support.Topics;
import io.fenghuo.gateway.support.UnitSnapshots;
import io.fenghuo.simulator.Fleet;
import io.fenghuo.simulator.device.Condition;
import io.fenghuo.simulator.device.DeviceEvent;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.scenario.Scenario;
import io.fenghuo.simulator.session.Delivery;
import io.fenghuo.testkit.KafkaBroker;
import io.fenghuo.testkit.TestInfrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Device bindings from the compacted unit stream: a published snapshot binds a simulated device
 * (its signals stop going to {@code signal.unregistered}), a tombstone unbinds it.
 */
class UnitStreamBindingsIT {

  final KafkaBroker kafka = TestInfrastructure.kafka();
  final OperatorId op = GatewayHarness.freshOperator("units");

  @Test
  void aSnapshotBindsTheDeviceAndATombstoneUnbindsIt() throws Exception {
    Topics.create(kafka, op, 1, (short) 1);
    String unitTopic = Topics.topic(op, Stream.UNIT);
    kafka.createTopics(
        new NewTopic(unitTopic, 3, (short) 1).configs(Map.of("cleanup.policy", "compact")));
    List<DeviceSpec> specs = Simulators.devices(0x0000_0b00_0001L, 1);
    DeviceAddress device = new DeviceAddress(specs.get(0).address().value());
    UnitId unit = UnitId.of("U-330106-B001");

    try (UnitStreamBindings bindings =
            new UnitStreamBindings(op, new HashMap<>(kafka.clientProperties())).start();
        KafkaProducer<String, EventEnvelope<?>> producer = producer();
        Gateway gateway =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-units").build(),
                GatewayHarness.producerBase(kafka, Duration.ofSeconds(10)),
                bindings);
        RecordLog log =
            new RecordLog(
                kafka,
                List.of(
                    Topics.topic(op, Stream.SIGNAL_STATUS),
                    Topics.topic(op, Stream.SIGNAL_UNREGISTERED)));
        Fleet fleet =
            Fleet.start(Simulators.config(gateway.address()).build(), specs, Scenario.EMPTY)) {
      assertThat(bindings.awaitCaughtUp(Duration.ofSeconds(15))).isTrue();
      assertThat(bindings.isBound(device)).isFalse();
      assertThat(fleet.awaitConnected(1, Duration.ofSeconds(10))).isTrue();

      // Unbound: the fault goes to signal.unregistered.
      fault(fleet, specs.get(0), true);
      assertThat(log.await(unregistered(device), 1, Duration.ofSeconds(10))).hasSize(1);

      // A snapshot of the unit with the device: bound, signals go to signal.status.
      producer
          .send(
              new ProducerRecord<>(
                  unitTopic,
                  unit.value(),
                  UnitSnapshots.of(
                      op,
                      unit,
                      3,
                      List.of(new UnitArchiveChanged.DeviceBinding(device, null, null)))))
          .get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> bindings.isBound(device));
      assertThat(bindings.unitOf(device)).contains(unit);
      fault(fleet, specs.get(0), false);
      assertThat(log.await(status(device), 1, Duration.ofSeconds(10))).hasSize(1);

      // An older snapshot without the device is ignored (a consumer keeps the highest version).
      producer
          .send(
              new ProducerRecord<>(
                  unitTopic, unit.value(), UnitSnapshots.of(op, unit, 2, List.of())))
          .get(10, TimeUnit.SECONDS);
      Thread.sleep(1_000);
      assertThat(bindings.isBound(device)).isTrue();

      // A tombstone: unbound again.
      producer.send(new ProducerRecord<>(unitTopic, unit.value(), null)).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> !bindings.isBound(device));
      fault(fleet, specs.get(0), true);
      assertThat(log.await(unregistered(device), 2, Duration.ofSeconds(10))).hasSize(2);
    }

    // A second reader started later rebuilds the same (empty) state from the compacted log.
    try (UnitStreamBindings late =
        new UnitStreamBindings(op, new HashMap<>(kafka.clientProperties())).start()) {
      assertThat(late.awaitCaughtUp(Duration.ofSeconds(15))).isTrue();
      assertThat(late.isBound(device)).isFalse();
    }
  }

  private static void fault(Fleet fleet, DeviceSpec spec, boolean on) throws Exception {
    List<Delivery> d =
        fleet
            .device(0)
            .apply(new DeviceEvent.Change(Simulators.firstComponent(spec), Condition.FAULT, on))
            .get(20, TimeUnit.SECONDS);
    assertThat(d).isNotEmpty().allMatch(Delivery::confirmed);
  }

  private static java.util.function.Predicate<ConsumerRecord<String, EventEnvelope<?>>>
      unregistered(DeviceAddress device) {
    return r ->
        r.value().data() instanceof UnregisteredDeviceReported u
            && u.device().equals(device)
            && u.signalType().contains("status-changed"); // not the heartbeats
  }

  private static java.util.function.Predicate<ConsumerRecord<String, EventEnvelope<?>>> status(
      DeviceAddress device) {
    return r -> r.value().data() instanceof StatusChanged s && s.device().equals(device);
  }

  private KafkaProducer<String, EventEnvelope<?>> producer() {
    Map<String, Object> props = GatewayHarness.producerBase(kafka, Duration.ofSeconds(10));
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "unit-service-test");
    return new KafkaProducer<>(props);
  }
}
