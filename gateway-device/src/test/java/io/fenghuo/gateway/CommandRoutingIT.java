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
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.gateway.bindings.StaticDeviceBindings;
import io.fenghuo.gateway.command.CommandEndpoint;
import io.fenghuo.gateway.support.GatewayHarness;
import io.fenghuo.gateway.support.RecordLog;
import io.fenghuo.gateway.support.Simulators;
import io.fenghuo.gateway.support.Topics;
import io.fenghuo.simulator.Fleet;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.scenario.Scenario;
import io.fenghuo.simulator.session.DutyCheckBehaviour;
import io.fenghuo.testkit.KafkaBroker;
import io.fenghuo.testkit.TestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Downlink commands through a second instance (the Hono pattern): instance A consumes {@code
 * device.command}; the devices are connected to instance B; A finds B in the Redis device →
 * instance mapping and forwards; B sends the 查岗 and publishes the outcome on {@code
 * device.command-result}. One device answers, one never does, one is not connected anywhere.
 */
class CommandRoutingIT {

  final KafkaBroker kafka = TestInfrastructure.kafka();
  final OperatorId op = GatewayHarness.freshOperator("cmd");

  @Test
  void aDutyCheckReachesTheDeviceThroughTheOtherInstanceAndItsOutcomeIsPublished()
      throws Exception {
    Topics.create(kafka, op, 1, (short) 1);
    Map<String, Object> clients = new HashMap<>(kafka.clientProperties());
    List<DeviceSpec> answering = Simulators.devices(0x0000_0c00_0001L, 1);
    List<DeviceSpec> silent = Simulators.devices(0x0000_0c00_0101L, 1);
    DeviceAddress answers = new DeviceAddress(answering.get(0).address().value());
    DeviceAddress never = new DeviceAddress(silent.get(0).address().value());
    DeviceAddress nowhere = new DeviceAddress(0x0000_0c00_0fffL);

    try (Gateway a =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-a").build(),
                kafka,
                StaticDeviceBindings.everyDevice());
        Gateway b =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-b").build(),
                kafka,
                StaticDeviceBindings.everyDevice());
        RecordLog results =
            new RecordLog(kafka, List.of(Topics.topic(op, Stream.DEVICE_COMMAND_RESULT)));
        KafkaProducer<String, EventEnvelope<?>> producer =
            new KafkaProducer<>(GatewayHarness.producerBase(kafka, Duration.ofSeconds(10)));
        Fleet answeringFleet =
            Fleet.start(Simulators.config(b.address()).build(), answering, Scenario.EMPTY);
        Fleet silentFleet =
            Fleet.start(
                Simulators.config(b.address())
                    .dutyCheck(
                        new DutyCheckBehaviour(Duration.ZERO, Duration.ZERO, 1.0, 1)) // no answer
                    .build(),
                silent,
                Scenario.EMPTY)) {
      // The operator's instances share the secret that signs forwarded commands.
      String secret = "op-shared-secret-" + UUID.randomUUID();
      a.enableCommands(
          new CommandEndpoint(0, "127.0.0.1", "127.0.0.1", secret),
          clients,
          "gateway-device.commands." + op.value());
      // B takes forwarded commands only.
      b.enableCommands(new CommandEndpoint(0, "127.0.0.1", "127.0.0.1", secret), clients, null);

      assertThat(answeringFleet.awaitConnected(1, Duration.ofSeconds(10))).isTrue();
      assertThat(silentFleet.awaitConnected(1, Duration.ofSeconds(10))).isTrue();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  b.sessions().of(answers).isPresent()
                      && b.sessions().of(never).isPresent()
                      && "gw-b".equals(a.liveness().directory().instanceOf(answers).orElse(null))
                      && "gw-b".equals(a.liveness().directory().instanceOf(never).orElse(null)));
      await().atMost(Duration.ofSeconds(20)).until(() -> a.commandConsumer().hasAssignment());
      Thread.sleep(1_000); // the new group's position is reset to the end right after assignment

      Instant now = Instant.now();
      String answered = send(producer, dutyCheck(answers, now.plusSeconds(30)));
      String unanswered = send(producer, dutyCheck(never, now.plusSeconds(4)));
      String offline = send(producer, dutyCheck(nowhere, now.plusSeconds(30)));
      String read =
          send(
              producer,
              new DeviceCommandRequested(
                  UUID.randomUUID().toString(),
                  answers,
                  CommandKind.READ_UITD_STATE,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  now,
                  null));
      String clock =
          send(
              producer,
              new DeviceCommandRequested(
                  UUID.randomUUID().toString(),
                  answers,
                  CommandKind.SYNC_CLOCK,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  now,
                  null));

      List<ConsumerRecord<String, EventEnvelope<?>>> records =
          results.await(
              r -> r.value().data() instanceof DeviceCommandCompleted, 5, Duration.ofSeconds(30));
      Map<String, DeviceCommandCompleted> byId =
          records.stream()
              .map(r -> (DeviceCommandCompleted) r.value().data())
              .collect(Collectors.toMap(DeviceCommandCompleted::commandId, c -> c, (x, y) -> x));
      System.out.println("command results: " + byId.values());

      assertThat(byId.get(answered).outcome()).isEqualTo(CommandOutcome.DUTY_CHECK_ANSWERED);
      assertThat(byId.get(answered).gateway()).isEqualTo("gw-b");
      assertThat(byId.get(answered).attempts()).isEqualTo(1);
      assertThat(byId.get(unanswered).outcome()).isEqualTo(CommandOutcome.DUTY_CHECK_UNANSWERED);
      assertThat(byId.get(unanswered).gateway()).isEqualTo("gw-b");
      assertThat(byId.get(offline).outcome()).isEqualTo(CommandOutcome.DEVICE_OFFLINE);
      assertThat(byId.get(read).outcome()).isEqualTo(CommandOutcome.ANSWERED);
      assertThat(byId.get(clock).outcome()).isEqualTo(CommandOutcome.CONFIRMED);
      // The unanswered 查岗 ends at its expiry (4 s), not at once and not at the 1 min timeout.
      assertThat(byId.get(unanswered).completedAt())
          .isBetween(now.plusSeconds(3), now.plusSeconds(20));

      assertThat(
              a.metrics()
                  .count("fenghuo.gateway.commands", "kind", "duty_check", "outcome", "forwarded"))
          .isEqualTo(2.0);
      assertThat(
              b.metrics()
                  .count(
                      "fenghuo.gateway.commands",
                      "kind",
                      "duty_check",
                      "outcome",
                      "received_forwarded"))
          .isEqualTo(2.0);
    }
  }

  private DeviceCommandRequested dutyCheck(DeviceAddress device, Instant expiresAt) {
    return new DeviceCommandRequested(
        UUID.randomUUID().toString(),
        device,
        CommandKind.DUTY_CHECK,
        null,
        null,
        null,
        null,
        null,
        1,
        Instant.now(),
        expiresAt);
  }

  private String send(KafkaProducer<String, EventEnvelope<?>> producer, DeviceCommandRequested c)
      throws Exception {
    EventEnvelope<DeviceCommandRequested> e =
        new EventEnvelope<>(
            UUID.randomUUID().toString(),
            URI.create("/fenghuo/console/test"),
            c.requestedAt(),
            op,
            c);
    producer
        .send(new ProducerRecord<>(Topics.topic(op, Stream.DEVICE_COMMAND), e.key(), e))
        .get(10, TimeUnit.SECONDS);
    return c.commandId();
  }
}
