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
import io.fenghuo.gateway.support.Topics;
import io.fenghuo.starter.kafka.DeadLetters;
import io.fenghuo.testkit.KafkaBroker;
import io.fenghuo.testkit.TestInfrastructure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * An unreadable record on {@code device.command} is dead-lettered by the starter's convention (raw
 * bytes on {@code <topic>.dlt}, reason header, counter) and the command after it still runs.
 */
class CommandDeadLetterIT {

  final KafkaBroker kafka = TestInfrastructure.kafka();
  final OperatorId op = GatewayHarness.freshOperator("dlt");

  @Test
  void anUnreadableCommandIsDeadLetteredAndTheNextOneRuns() throws Exception {
    Topics.create(kafka, op, 1, (short) 1);
    String commands = Topics.topic(op, Stream.DEVICE_COMMAND);
    String dlt = DeadLetters.deadLetterTopicOf(commands);
    kafka.createTopic(dlt, 1, Map.of());
    byte[] garbage = "{not a cloud event".getBytes(StandardCharsets.UTF_8);

    try (Gateway gateway =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-dlt").build(),
                kafka,
                StaticDeviceBindings.everyDevice());
        RecordLog results =
            new RecordLog(kafka, List.of(Topics.topic(op, Stream.DEVICE_COMMAND_RESULT)));
        KafkaProducer<byte[], byte[]> raw =
            new KafkaProducer<>(
                kafka.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer());
        KafkaProducer<String, EventEnvelope<?>> producer =
            new KafkaProducer<>(GatewayHarness.producerBase(kafka, Duration.ofSeconds(10)))) {
      gateway.enableCommands(
          0, "127.0.0.1", new HashMap<>(kafka.clientProperties()), "gw-dlt." + op.value());
      await().atMost(Duration.ofSeconds(20)).until(() -> gateway.commandConsumer().hasAssignment());
      Thread.sleep(1_000); // the new group's position is reset to the end right after assignment

      raw.send(new ProducerRecord<>(commands, "k".getBytes(StandardCharsets.UTF_8), garbage))
          .get(10, TimeUnit.SECONDS);
      DeviceCommandRequested read =
          new DeviceCommandRequested(
              UUID.randomUUID().toString(),
              new DeviceAddress(0x0000_0c00_0eeeL),
              CommandKind.READ_UITD_STATE,
              null,
              null,
              null,
              null,
              null,
              null,
              Instant.now(),
              null);
      EventEnvelope<DeviceCommandRequested> e =
          new EventEnvelope<>(
              UUID.randomUUID().toString(),
              URI.create("/fenghuo/console/test"),
              read.requestedAt(),
              op,
              read);
      producer.send(new ProducerRecord<>(commands, e.key(), e)).get(10, TimeUnit.SECONDS);

      // The command behind the poison record runs (nobody holds the device: DEVICE_OFFLINE).
      List<ConsumerRecord<String, EventEnvelope<?>>> done =
          results.await(
              r ->
                  r.value().data() instanceof DeviceCommandCompleted c
                      && c.commandId().equals(read.commandId()),
              1,
              Duration.ofSeconds(30));
      assertThat(done).hasSize(1);
      assertThat(((DeviceCommandCompleted) done.get(0).value().data()).outcome())
          .isEqualTo(CommandOutcome.DEVICE_OFFLINE);

      List<ConsumerRecord<byte[], byte[]>> letters = readAll(dlt, 1);
      assertThat(letters).hasSize(1);
      ConsumerRecord<byte[], byte[]> letter = letters.get(0);
      assertThat(letter.value()).isEqualTo(garbage);
      assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("k");
      Header reason = letter.headers().lastHeader(DeadLetters.REASON_HEADER);
      assertThat(reason).isNotNull();
      assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
      assertThat(
              new String(
                  letter.headers().lastHeader("kafka_dlt-original-topic").value(),
                  StandardCharsets.UTF_8))
          .isEqualTo(commands);
      assertThat(gateway.metrics().count("fenghuo.kafka.dead.letters", "topic", commands))
          .isEqualTo(1.0);
      System.out.println(
          "dead letter reason: " + new String(reason.value(), StandardCharsets.UTF_8));
    }
  }

  private List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int atLeast) {
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition p = new TopicPartition(topic, 0);
      c.assign(List.of(p));
      c.seekToBeginning(List.of(p));
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (out.size() < atLeast && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      c.poll(Duration.ofMillis(300)).forEach(out::add); // and nothing more
    }
    return out;
  }
}
