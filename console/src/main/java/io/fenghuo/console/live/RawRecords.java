package io.fenghuo.console.live;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.rw.CloudEventRWException;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.kafka.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Kafka records read raw (CloudEvents binary mode, JSON data) for the few ids the live streams
 * need, so that an event type newer than this build's contracts still refreshes the pages. Anything
 * unreadable is null: the console only shows, it never dead-letters.
 */
final class RawRecords {

  private static final CloudEventDeserializer CLOUD_EVENTS = new CloudEventDeserializer();

  private RawRecords() {}

  static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return null;
    }
    try {
      return CLOUD_EVENTS.deserialize(record.topic(), record.headers(), record.value());
    } catch (CloudEventRWException | IllegalArgumentException e) {
      return null;
    }
  }

  static JsonNode data(ConsumerRecord<String, byte[]> record) {
    CloudEvent event = cloudEvent(record);
    return event == null ? null : json(event);
  }

  static JsonNode json(CloudEvent event) {
    if (event.getData() == null) {
      return null;
    }
    try {
      return EventJson.mapper().readTree(event.getData().toBytes());
    } catch (JacksonException e) {
      return null;
    }
  }

  /** A non-blank string field, else null. */
  static String text(JsonNode data, String field) {
    JsonNode value = data == null ? null : data.get(field);
    return value != null && value.isString() && !value.asString().isBlank()
        ? value.asString()
        : null;
  }

  /** The {@code unit} field as a unit id, null if absent or invalid. */
  static UnitId unit(JsonNode data) {
    String text = text(data, "unit");
    if (text == null) {
      return null;
    }
    try {
      return UnitId.of(text);
    } catch (IllegalArgumentException invalid) {
      return null;
    }
  }
}
