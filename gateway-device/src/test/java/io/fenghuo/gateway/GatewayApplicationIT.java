package io.fenghuo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.signal.FireAlarmRaised;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.gateway.support.GatewayHarness;
import io.fenghuo.gateway.support.RecordLog;
import io.fenghuo.gateway.support.Simulators;
import io.fenghuo.gateway.support.Topics;
import io.fenghuo.simulator.Fleet;
import io.fenghuo.simulator.device.Condition;
import io.fenghuo.simulator.device.DeviceEvent;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.scenario.Scenario;
import io.fenghuo.simulator.session.Delivery;
import io.fenghuo.testkit.SpringTestProperties;
import io.fenghuo.testkit.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real application (Spring wiring, starter defaults, actuator) against testkit's Kafka and
 * Redis: one simulated device raises a fire alarm, the event lands on {@code signal.alarm}, and
 * health and Prometheus expose the gateway.
 */
@SpringBootTest(
    classes = GatewayDeviceApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayApplicationIT {

  static final OperatorId OP = GatewayHarness.freshOperator("spring");

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SpringTestProperties.kafka(registry);
    SpringTestProperties.redis(registry);
    registry.add("fenghuo.tenancy.operator", OP::value);
    registry.add("fenghuo.instance", () -> "gw-spring");
    registry.add("fenghuo.gateway.port", () -> 0);
    registry.add("fenghuo.gateway.command-port", () -> 0);
    registry.add("fenghuo.gateway.bind-all", () -> true);
    Topics.create(TestInfrastructure.kafka(), OP, 1, (short) 1);
  }

  @Autowired Gateway gateway;
  @LocalServerPort int httpPort;

  @Test
  void aSimulatedFireAlarmReachesSignalAlarmAndTheMetersAreExposed() throws Exception {
    assertThat(gateway.settings().operator()).isEqualTo(OP);
    List<DeviceSpec> specs = Simulators.devices(0x0000_0a00_0001L, 1);
    try (RecordLog log =
            new RecordLog(
                TestInfrastructure.kafka(), List.of(Topics.topic(OP, Stream.SIGNAL_ALARM)));
        Fleet fleet =
            Fleet.start(Simulators.config(gateway.address()).build(), specs, Scenario.EMPTY)) {
      assertThat(fleet.awaitConnected(1, Duration.ofSeconds(10))).isTrue();
      List<Delivery> d =
          fleet
              .device(0)
              .apply(
                  new DeviceEvent.Change(
                      Simulators.firstComponent(specs.get(0)), Condition.FIRE, true))
              .get(20, TimeUnit.SECONDS);
      assertThat(d).isNotEmpty().allMatch(Delivery::confirmed);

      List<ConsumerRecord<String, EventEnvelope<?>>> alarms =
          log.await(r -> r.value().data() instanceof FireAlarmRaised, 1, Duration.ofSeconds(15));
      assertThat(alarms).hasSize(1);
      FireAlarmRaised fire = (FireAlarmRaised) alarms.get(0).value().data();
      assertThat(fire.device().value()).isEqualTo(specs.get(0).address().value());
    }

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> health = get(http, "/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
    HttpResponse<String> prometheus = get(http, "/actuator/prometheus");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body())
        .contains("fenghuo_gateway_connections")
        .contains("fenghuo_gateway_frames_total")
        .contains("fenghuo_gateway_confirm_latency_seconds_bucket")
        .contains("fenghuo_gateway_produce_latency_seconds")
        .contains("fenghuo_gateway_inflight");
  }

  private HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
