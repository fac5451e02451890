package io.fenghuo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.StatusChanged;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.gateway.bindings.DeviceBindings;
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
import io.fenghuo.simulator.session.Backoff;
import io.fenghuo.simulator.session.Delivery;
import io.fenghuo.testkit.KafkaBroker;
import io.fenghuo.testkit.SpringTestProperties;
import io.fenghuo.testkit.TestInfrastructure;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway starting against a long unit stream opens its device port only once it knows every
 * binding published before it started: a bound device that was already trying to connect, with a
 * fault queued, is served as bound the moment the port opens (the fault on {@code signal.status}),
 * never taken for unregistered. Found by the ingest benchmark: thousands of signals of bound
 * devices went to {@code signal.unregistered} right after a start. With {@code bindings-wait=0s}
 * this test fails.
 */
@SpringBootTest(
    classes = GatewayDeviceApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
class StartupBindingsIT {

  static final OperatorId OP = GatewayHarness.freshOperator("startup");
  static final int UNITS = 20_000;
  static final long FIRST_ADDRESS = 0x0000_0c00_0001L;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
    SpringTestProperties.kafka(registry);
    SpringTestProperties.redis(registry);
    registry.add("fenghuo.tenancy.operator", OP::value);
    registry.add("fenghuo.instance", () -> "gw-startup");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    registry.add("fenghuo.gateway.port", () -> port);
    registry.add("fenghuo.gateway.command-port", () -> 0);
    registry.add("fenghuo.gateway.bindings-wait", () -> "60s");
    KafkaBroker kafka = TestInfrastructure.kafka();
    Topics.create(kafka, OP, 1, (short) 1);
    String unitTopic = Topics.topic(OP, Stream.UNIT);
    kafka.createTopics(
        new NewTopic(unitTopic, 3, (short) 1).configs(Map.of("cleanup.policy", "compact")));
    try (KafkaProducer<String, EventEnvelope<?>> producer =
        new KafkaProducer<>(GatewayHarness.producerBase(kafka, Duration.ofSeconds(30)))) {
      for (int i = 0; i < UNITS; i++) {
        UnitId unit = UnitId.of(String.format("U-330106-S%05d", i));
        producer.send(
            new ProducerRecord<>(
                unitTopic,
                unit.value(),
                UnitSnapshots.of(
                    OP,
                    unit,
                    1,
                    List.of(
                        new UnitArchiveChanged.DeviceBinding(
                            new DeviceAddress(FIRST_ADDRESS + i), null, null)))));
      }
      producer.flush();
    }
    // The device of the last binding already knocks (every 50–100 ms), its fault queued.
    fleet =
        Fleet.start(
            Simulators.config(new InetSocketAddress("127.0.0.1", port))
                .backoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(100)))
                .build(),
            SPECS,
            Scenario.EMPTY);
    queuedFault =
        fleet
            .device(0)
            .apply(
                new DeviceEvent.Change(
                    Simulators.firstComponent(SPECS.get(0)), Condition.FAULT, true));
  }

  static final List<DeviceSpec> SPECS = Simulators.devices(FIRST_ADDRESS + UNITS - 1, 1);
  static Fleet fleet;
  static CompletableFuture<List<Delivery>> queuedFault;

  @AfterAll
  static void stopFleet() {
    if (fleet != null) {
      fleet.close();
    }
  }

  @Autowired DeviceBindings bindings;

  @Test
  void theDevicePortOpensWithEveryBindingKnownAndTheLastBoundDeviceIsServedAsBound()
      throws Exception {
    assertThat(((UnitStreamBindings) bindings).isCaughtUp()).isTrue();

    DeviceAddress device = new DeviceAddress(SPECS.get(0).address().value());
    try (RecordLog log =
        new RecordLog(
            TestInfrastructure.kafka(),
            List.of(
                Topics.topic(OP, Stream.SIGNAL_STATUS),
                Topics.topic(OP, Stream.SIGNAL_UNREGISTERED)))) {
      assertThat(queuedFault.get(20, TimeUnit.SECONDS)).isNotEmpty().allMatch(Delivery::confirmed);

      assertThat(
              log.await(
                  r -> r.value().data() instanceof StatusChanged s && s.device().equals(device),
                  1,
                  Duration.ofSeconds(15)))
          .hasSize(1);
      String unregistered = Topics.topic(OP, Stream.SIGNAL_UNREGISTERED);
      assertThat(log.await(r -> r.topic().equals(unregistered), 1, Duration.ofSeconds(2)))
          .isEmpty();
    }
  }
}
