package io.fenghuo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.command.CommandKind;
import io.fenghuo.contracts.command.CommandOutcome;
import io.fenghuo.contracts.command.DeviceCommandCompleted;
import io.fenghuo.contracts.command.DeviceCommandRequested;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.kafka.EventJson;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.gateway.bindings.StaticDeviceBindings;
import io.fenghuo.gateway.command.CommandEndpoint;
import io.fenghuo.gateway.command.ForwardingAuth;
import io.fenghuo.gateway.support.GatewayHarness;
import io.fenghuo.gateway.support.RecordLog;
import io.fenghuo.gateway.support.TestUitd;
import io.fenghuo.gateway.support.Topics;
import io.fenghuo.testkit.KafkaBroker;
import io.fenghuo.testkit.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The internal endpoint for forwarded commands takes only requests signed with the operator's
 * shared secret: unsigned, forged and replayed requests are refused with 401 and counted, and the
 * device never sees their commands; an instance configured with another secret has its forward
 * refused and publishes {@code DEVICE_OFFLINE}.
 */
class CommandEndpointAuthIT {

  final KafkaBroker kafka = TestInfrastructure.kafka();
  final OperatorId op = GatewayHarness.freshOperator("auth");
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void onlyCommandsSignedWithTheOperatorsSecretAreAccepted() throws Exception {
    Topics.create(kafka, op, 1, (short) 1);
    Map<String, Object> clients = new HashMap<>(kafka.clientProperties());
    String secret = "op-secret-" + UUID.randomUUID();
    DeviceAddress device = new DeviceAddress(0x0000_0c00_0a01L);

    try (Gateway holder =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-holder").build(),
                kafka,
                StaticDeviceBindings.everyDevice());
        Gateway stranger =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-stranger").build(),
                kafka,
                StaticDeviceBindings.everyDevice());
        RecordLog results =
            new RecordLog(kafka, List.of(Topics.topic(op, Stream.DEVICE_COMMAND_RESULT)));
        TestUitd uitd = new TestUitd(device.value(), holder.address())) {
      holder.enableCommands(
          new CommandEndpoint(0, "127.0.0.1", "127.0.0.1", secret), clients, null);
      stranger.enableCommands(
          new CommandEndpoint(0, "127.0.0.1", "127.0.0.1", "another-secret-" + UUID.randomUUID()),
          clients,
          null);
      uitd.send(uitd.heartbeat());
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  holder.sessions().of(device).isPresent()
                      && "gw-holder"
                          .equals(stranger.liveness().directory().instanceOf(device).orElse(null)));
      // The connect clock sync, confirmed by the device, before counting the device's commands.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> count(holder, "sync_clock_connect", "confirmed") == 1.0);
      URI endpoint = URI.create(holder.commandRouter().endpoint() + "/internal/commands");

      DeviceCommandRequested unsigned = syncClock(device);
      assertThat(post(endpoint, body(unsigned), Map.of())).isEqualTo(401);

      DeviceCommandRequested forged = syncClock(device);
      byte[] forgedBody = body(forged);
      Map<String, String> forgedHeaders =
          ForwardingAuth.of("guessed-secret-0000", Clock.systemUTC()).sign(forgedBody);
      assertThat(post(endpoint, forgedBody, forgedHeaders)).isEqualTo(401);

      DeviceCommandRequested signed = syncClock(device);
      byte[] signedBody = body(signed);
      Map<String, String> signature = ForwardingAuth.of(secret, Clock.systemUTC()).sign(signedBody);
      assertThat(post(endpoint, signedBody, signature)).isEqualTo(202);
      assertThat(post(endpoint, signedBody, signature)).as("replayed").isEqualTo(401);

      // An instance with another secret: its forward is refused, the outcome is DEVICE_OFFLINE.
      DeviceCommandRequested fromStranger = syncClock(device);
      stranger.commandRouter().route(fromStranger);

      Map<String, DeviceCommandCompleted> byId =
          results
              .await(
                  r -> r.value().data() instanceof DeviceCommandCompleted,
                  2,
                  Duration.ofSeconds(20))
              .stream()
              .map(ConsumerRecord::value)
              .map(EventEnvelope::data)
              .map(DeviceCommandCompleted.class::cast)
              .collect(Collectors.toMap(DeviceCommandCompleted::commandId, c -> c, (x, y) -> x));
      assertThat(byId.get(signed.commandId()).outcome()).isEqualTo(CommandOutcome.CONFIRMED);
      assertThat(byId.get(fromStranger.commandId()).outcome())
          .isEqualTo(CommandOutcome.DEVICE_OFFLINE);
      assertThat(byId.get(fromStranger.commandId()).detail()).contains("401");
      assertThat(byId).doesNotContainKeys(unsigned.commandId(), forged.commandId());

      // Only the signed command reached the device.
      assertThat(count(holder, "sync_clock", "received_forwarded")).isEqualTo(1.0);
      assertThat(count(holder, "sync_clock", "confirmed")).isEqualTo(1.0);
      assertThat(rejected(holder, "missing")).isEqualTo(1.0);
      assertThat(rejected(holder, "bad_signature")).as("forged + stranger").isEqualTo(2.0);
      assertThat(rejected(holder, "replayed")).isEqualTo(1.0);
      assertThat(count(stranger, "sync_clock", "forward_unauthorized")).isEqualTo(1.0);
    }
  }

  private int post(URI endpoint, byte[] body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(r::header);
    return http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static byte[] body(DeviceCommandRequested c) {
    return EventJson.mapper().writeValueAsBytes(c);
  }

  private static DeviceCommandRequested syncClock(DeviceAddress device) {
    return new DeviceCommandRequested(
        UUID.randomUUID().toString(),
        device,
        CommandKind.SYNC_CLOCK,
        null,
        null,
        null,
        null,
        null,
        null,
        Instant.now(),
        null);
  }

  private static double count(Gateway gateway, String kind, String outcome) {
    return gateway.metrics().count("fenghuo.gateway.commands", "kind", kind, "outcome", outcome);
  }

  private static double rejected(Gateway gateway, String reason) {
    return gateway.metrics().count("fenghuo.gateway.internal.rejected", "reason", reason);
  }
}
