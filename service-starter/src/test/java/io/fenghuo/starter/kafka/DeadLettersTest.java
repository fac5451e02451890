package io.fenghuo.starter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

class DeadLettersTest {

  @Test
  void deadLetterTopicStaysInTheTenantsNamespace() {
    assertThat(DeadLetters.deadLetterTopicOf("fire.op.op-a.signal.alarm"))
        .isEqualTo("fire.op.op-a.signal.alarm.dlt");
    assertThat(DeadLetters.deadLetterTopicOf("fire.119.receipt")).isEqualTo("fire.119.receipt.dlt");
  }

  @Test
  void aDeadLetterOfADeadLetterDoesNotGrowTheName() {
    assertThat(DeadLetters.deadLetterTopicOf("fire.op.op-a.alarm.dlt"))
        .isEqualTo("fire.op.op-a.alarm.dlt");
  }

  @Test
  void foreignTopicsGetTheSuffix() {
    assertThat(DeadLetters.deadLetterTopicOf("legacy")).isEqualTo("legacy.dlt");
  }

  @Test
  void aPlainConsumersDeadLetterKeepsTheBytesAndNamesTheReasonAndOrigin() {
    byte[] key = "k".getBytes(StandardCharsets.UTF_8);
    byte[] value = "{not json".getBytes(StandardCharsets.UTF_8);
    RecordHeaders original = new RecordHeaders();
    original.add("ce_id", "e-1".getBytes());

    ProducerRecord<byte[], byte[]> letter =
        DeadLetters.deadLetterOf(
            new TopicPartition("fire.op.op-a.device.command", 2),
            41L,
            key,
            value,
            original,
            new IllegalStateException("bad CloudEvent"));

    assertThat(letter.topic()).isEqualTo("fire.op.op-a.device.command.dlt");
    assertThat(letter.partition()).isNull();
    assertThat(letter.key()).isEqualTo(key);
    assertThat(letter.value()).isEqualTo(value);
    assertThat(header(letter, "ce_id")).isEqualTo("e-1".getBytes());
    assertThat(new String(header(letter, DeadLetters.REASON_HEADER), StandardCharsets.UTF_8))
        .isEqualTo("IllegalStateException: bad CloudEvent");
    assertThat(new String(header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC), StandardCharsets.UTF_8))
        .isEqualTo("fire.op.op-a.device.command");
    assertThat(ByteBuffer.wrap(header(letter, KafkaHeaders.DLT_ORIGINAL_PARTITION)).getInt())
        .isEqualTo(2);
    assertThat(ByteBuffer.wrap(header(letter, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong())
        .isEqualTo(41L);
    assertThat(new String(header(letter, KafkaHeaders.DLT_EXCEPTION_FQCN), StandardCharsets.UTF_8))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(original.toArray()).as("the source's headers are copied, not changed").hasSize(1);
  }

  private static byte[] header(ProducerRecord<byte[], byte[]> r, String name) {
    return r.headers().lastHeader(name).value();
  }
}
