package io.fenghuo.contracts.kafka;

import static io.fenghuo.contracts.event.ContractFixtures.exampleEventOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Scope;
import io.fenghuo.contracts.topic.TopicNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CloudEventsSerdeTest {

  private static final OperatorId OP_A = OperatorId.of("op-a");

  private final CloudEventsSerializer serializer = new CloudEventsSerializer();
  private final CloudEventsDeserializer deserializer = new CloudEventsDeserializer();

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyEventRoundTripsThroughTheKafkaBinding(EventType type) {
    EventEnvelope<FenghuoEvent> sent = envelopeOf(exampleEventOf(type));
    String topic =
        (type.stream().scope() == Scope.OPERATOR
                ? TopicNames.of(OP_A, type.stream())
                : TopicNames.of(type.stream()))
            .toString();
    Headers headers = new RecordHeaders();

    byte[] value = serializer.serialize(topic, headers, sent);
    EventEnvelope<FenghuoEvent> received = deserializer.deserialize(topic, headers, value);

    assertThat(received).isEqualTo(sent);
  }

  @Test
  void writesBinaryModeHeadersThatAnyCloudEventsReaderUnderstands() {
    EventEnvelope<FenghuoEvent> sent = envelopeOf(exampleEventOf(EventType.ALARM_CONFIRMED));
    Headers headers = new RecordHeaders();

    byte[] value = serializer.serialize("fire.op.op-a.alarm", headers, sent);

    assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(headers, "ce_id")).isEqualTo("evt-1");
    assertThat(header(headers, "ce_type")).isEqualTo("fenghuo.alarm.confirmed.v1");
    assertThat(header(headers, "ce_source")).isEqualTo("/fenghuo/alarm-service/test");
    assertThat(Instant.parse(header(headers, "ce_time"))).isEqualTo(sent.time());
    assertThat(header(headers, "ce_operatorid")).isEqualTo("op-a");
    assertThat(header(headers, "ce_subject")).isEqualTo(sent.key());
    assertThat(header(headers, "ce_dataschema"))
        .isEqualTo("https://fenghuo.io/contracts/schemas/fenghuo.alarm.confirmed.v1.schema.json");
    assertThat(header(headers, "content-type")).isEqualTo("application/json");
    assertThat(new String(value, StandardCharsets.UTF_8))
        .startsWith("{")
        .contains("\"confirmedBy\":\"op-a.zhang.wei\"");
  }

  @Test
  void rejectsAnUnknownEventType() {
    Headers headers = new RecordHeaders();
    byte[] value =
        serializer.serialize("t", headers, envelopeOf(exampleEventOf(EventType.ALARM_RAISED)));
    headers.remove("ce_type");
    headers.add("ce_type", "com.example.unknown.v1".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> deserializer.deserialize("t", headers, value))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown event type 'com.example.unknown.v1'");
  }

  @Test
  void rejectsARecordWithoutCloudEventsHeaders() {
    byte[] value = "{\"alarmId\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> deserializer.deserialize("fire.op.op-a.alarm", new RecordHeaders(), value))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("is not a CloudEvent");
  }

  @Test
  void rejectsDataThatBreaksTheRecordsRules() {
    Headers headers = new RecordHeaders();
    serializer.serialize("t", headers, envelopeOf(exampleEventOf(EventType.ALARM_DISMISSED)));
    byte[] falseAlarmWithoutCause =
        ("{\"alarmId\":\"3f6c1a52-7d2e-4c1b-9a43-2f0d5b8e9c10\",\"verdict\":\"FALSE_ALARM\","
                + "\"dismissedBy\":\"u\",\"dismissedAt\":\"2026-11-28T05:23:10Z\"}")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> deserializer.deserialize("t", headers, falseAlarmWithoutCause))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("a false alarm needs its cause");
  }

  @Test
  void rejectsMalformedJson() {
    Headers headers = new RecordHeaders();
    serializer.serialize("t", headers, envelopeOf(exampleEventOf(EventType.ALARM_RAISED)));

    assertThatThrownBy(
            () ->
                deserializer.deserialize(
                    "t", headers, "{not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("invalid fenghuo.alarm.raised.v1");
  }

  @Test
  void aTombstoneStaysNull() {
    assertThat(deserializer.deserialize("fire.op.op-a.unit", new RecordHeaders(), (byte[]) null))
        .isNull();
  }

  private static EventEnvelope<FenghuoEvent> envelopeOf(FenghuoEvent data) {
    return new EventEnvelope<>(
        "evt-1",
        URI.create("/fenghuo/alarm-service/test"),
        Instant.parse("2026-11-28T05:22:31.250Z"),
        OP_A,
        data);
  }

  private static String header(Headers headers, String key) {
    var header = headers.lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
