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
import io.fenghuo.gateway.support.GatewayHarness;
import io.fenghuo.gateway.support.RecordLog;
import io.fenghuo.gateway.support.TestUitd;
import io.fenghuo.gateway.support.Topics;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.testkit.KafkaBroker;
import io.fenghuo.testkit.TestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Commands in flight when the gateway stops gracefully are not lost: one the device answers within
 * the shutdown grace gets its real outcome; one still unanswered after it gets {@code
 * DEVICE_OFFLINE} ("gateway … stopping"). The consumer commits a command's offset only once its
 * outcome is in Kafka.
 */
class CommandShutdownIT {

  final KafkaBroker kafka = TestInfrastructure.kafka();
  final OperatorId op = GatewayHarness.freshOperator("stop");

  @Test
  void anUnansweredCommandGetsAnOutcomeAtShutdownAndOnlyThenIsItsOffsetCommitted()
      throws Exception {
    Topics.create(kafka, op, 1, (short) 1);
    String commands = Topics.topic(op, Stream.DEVICE_COMMAND);
    String group = "gw-stop." + op.value();
    DeviceAddress device = new DeviceAddress(0x0000_0c00_0b01L);
    // A read the device never answers stays in flight for 4 × 10 s: beyond the shutdown grace.
    Gateway gateway =
        GatewayHarness.start(
            GatewayHarness.settings(op, "gw-stop")
                .commandTimeout(Duration.ofSeconds(10))
                .shutdownGrace(Duration.ofSeconds(1))
                .build(),
            kafka,
            StaticDeviceBindings.everyDevice());
    try (RecordLog results =
            new RecordLog(kafka, List.of(Topics.topic(op, Stream.DEVICE_COMMAND_RESULT)));
        KafkaProducer<String, EventEnvelope<?>> producer =
            new KafkaProducer<>(GatewayHarness.producerBase(kafka, Duration.ofSeconds(10)));
        Admin admin = Admin.create(new HashMap<>(kafka.clientProperties()));
        TestUitd uitd = new TestUitd(device.value(), gateway.address())) {
      gateway.enableCommands(0, "127.0.0.1", new HashMap<>(kafka.clientProperties()), group);
      uitd.send(uitd.heartbeat());
      await().atMost(Duration.ofSeconds(10)).until(() -> gateway.sessions().of(device).isPresent());
      await().atMost(Duration.ofSeconds(20)).until(() -> gateway.commandConsumer().hasAssignment());
      Thread.sleep(1_000); // the new group's position is reset to the end right after assignment

      DeviceCommandRequested read = command(device, CommandKind.READ_UITD_STATE);
      RecordMetadata sent = send(producer, commands, read);
      assertThat(uitd.await(m -> m.command() == Command.REQUEST, Duration.ofSeconds(10)))
          .as("the read reached the device")
          .isNotNull();
      Thread.sleep(1_500); // several poll-and-commit rounds of the consumer
      assertThat(gateway.commandConsumer().pending()).isEqualTo(1);
      OffsetAndMetadata whileInFlight = committed(admin, group, commands);
      assertThat(whileInFlight == null ? -1 : whileInFlight.offset())
          .as("not committed past the command in flight")
          .isLessThanOrEqualTo(sent.offset());

      long stopping = System.nanoTime();
      gateway.close();
      Duration stop = Duration.ofNanos(System.nanoTime() - stopping);

      DeviceCommandCompleted outcome =
          (DeviceCommandCompleted)
              results
                  .await(
                      r ->
                          r.value().data() instanceof DeviceCommandCompleted c
                              && c.commandId().equals(read.commandId()),
                      1,
                      Duration.ofSeconds(10))
                  .get(0)
                  .value()
                  .data();
      assertThat(outcome.outcome()).isEqualTo(CommandOutcome.DEVICE_OFFLINE);
      assertThat(outcome.gateway()).isEqualTo("gw-stop");
      assertThat(outcome.detail()).contains("stopping");
      assertThat(outcome.attempts()).isEqualTo(1);
      assertThat(committed(admin, group, commands).offset())
          .as("committed once the outcome is in Kafka")
          .isEqualTo(sent.offset() + 1);
      assertThat(stop)
          .as("bounded by the grace, not the command timeout")
          .isLessThan(Duration.ofSeconds(20));
      System.out.printf("shutdown with one command in flight took %d ms%n", stop.toMillis());
    } finally {
      gateway.close();
    }
  }

  @Test
  void aCommandTheDeviceAnswersWithinTheGraceGetsItsRealOutcome() throws Exception {
    Topics.create(kafka, op, 1, (short) 1);
    DeviceAddress device = new DeviceAddress(0x0000_0c00_0b02L);
    Gateway gateway =
        GatewayHarness.start(
            GatewayHarness.settings(op, "gw-stop-2")
                .commandTimeout(Duration.ofSeconds(10))
                .shutdownGrace(Duration.ofSeconds(10))
                .build(),
            kafka,
            StaticDeviceBindings.everyDevice());
    try (RecordLog results =
            new RecordLog(kafka, List.of(Topics.topic(op, Stream.DEVICE_COMMAND_RESULT)));
        TestUitd uitd = new TestUitd(device.value(), gateway.address())) {
      uitd.send(uitd.heartbeat());
      await().atMost(Duration.ofSeconds(10)).until(() -> gateway.sessions().of(device).isPresent());
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  gateway
                          .metrics()
                          .count(
                              "fenghuo.gateway.commands",
                              "kind",
                              "sync_clock_connect",
                              "outcome",
                              "confirmed")
                      == 1.0);
      // From now on the device holds back its confirms of control commands.
      AtomicReference<Gb26875Message> held = new AtomicReference<>();
      uitd.onControl(
          m -> {
            held.set(m);
            return false;
          });
      DeviceCommandRequested sync = command(device, CommandKind.SYNC_CLOCK);
      CompletableFuture<Void> handled = gateway.commandRouter().route(sync);
      await().atMost(Duration.ofSeconds(10)).until(() -> held.get() != null);
      assertThat(handled).isNotDone();

      CompletableFuture<Void> stopped = CompletableFuture.runAsync(gateway::close);
      Thread.sleep(500);
      assertThat(stopped).as("waiting for the command in flight").isNotDone();
      uitd.send(Gb26875Message.confirm(held.get().header(), TestUitd.now()));
      stopped.get(10, TimeUnit.SECONDS);
      assertThat(handled).isCompleted();

      DeviceCommandCompleted outcome =
          (DeviceCommandCompleted)
              results
                  .await(
                      r ->
                          r.value().data() instanceof DeviceCommandCompleted c
                              && c.commandId().equals(sync.commandId()),
                      1,
                      Duration.ofSeconds(10))
                  .get(0)
                  .value()
                  .data();
      assertThat(outcome.outcome()).isEqualTo(CommandOutcome.CONFIRMED);
    } finally {
      gateway.close();
    }
  }

  private static OffsetAndMetadata committed(Admin admin, String group, String topic)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(10, TimeUnit.SECONDS);
    return offsets.get(new TopicPartition(topic, 0));
  }

  private RecordMetadata send(
      KafkaProducer<String, EventEnvelope<?>> producer, String topic, DeviceCommandRequested c)
      throws Exception {
    EventEnvelope<DeviceCommandRequested> e =
        new EventEnvelope<>(
            UUID.randomUUID().toString(),
            URI.create("/fenghuo/console/test"),
            c.requestedAt(),
            op,
            c);
    return producer.send(new ProducerRecord<>(topic, e.key(), e)).get(10, TimeUnit.SECONDS);
  }

  private static DeviceCommandRequested command(DeviceAddress device, CommandKind kind) {
    return new DeviceCommandRequested(
        UUID.randomUUID().toString(),
        device,
        kind,
        null,
        null,
        null,
        null,
        null,
        null,
        Instant.now(),
        null);
  }
}
