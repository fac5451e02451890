package io.fenghuo.console.live;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.rw.CloudEventRWException;
import io.fenghuo.contracts.alarm.AlarmEvent;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.kafka.CloudEventsCodec;
import io.fenghuo.contracts.kafka.EventJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A record of an operator's alarm stream as the live view needs it: which alarm changed and for
 * which unit, and the event itself when the console knows its type. The alarm-service announces
 * every state change (claimed, released, points added …, {@code alarm-api.md}); a type this build's
 * contracts do not know yet still tells the pages to re-read the queue, so a seat sees another
 * seat's claim without waiting for a console release.
 *
 * @param alarmId the alarm that changed; never null
 * @param unit the unit, or null if the record names none
 * @param event the decoded event, or null if its type is unknown here
 */
record AlarmRecord(String alarmId, UnitId unit, AlarmEvent event) {

  /** The prefix of every alarm lifecycle type, e.g. {@code fenghuo.alarm.claimed.v1}. */
  static final String TYPE_PREFIX = "fenghuo.alarm.";

  private static final CloudEventDeserializer CLOUD_EVENTS = new CloudEventDeserializer();

  /**
   * Reads one record.
   *
   * @return null if the record is not an alarm lifecycle event the console can place (no
   *     CloudEvent, another type, no alarm id)
   */
  static AlarmRecord read(String topic, Headers headers, byte[] value) {
    if (value == null) {
      return null;
    }
    CloudEvent event;
    try {
      event = CLOUD_EVENTS.deserialize(topic, headers, value);
    } catch (CloudEventRWException | IllegalArgumentException e) {
      return null;
    }
    if (event.getType() == null || !event.getType().startsWith(TYPE_PREFIX)) {
      return null;
    }
    try {
      EventEnvelope<FenghuoEvent> envelope = CloudEventsCodec.fromCloudEvent(event);
      if (envelope.data() instanceof AlarmEvent alarm) {
        return new AlarmRecord(alarm.alarmId().toString(), alarm.unit(), alarm);
      }
      return null;
    } catch (SerializationException unknownOrInvalid) {
      return fromJson(event);
    }
  }

  /** The {@code alarmId} and {@code unit} every alarm event carries, read without its type. */
  private static AlarmRecord fromJson(CloudEvent event) {
    if (event.getData() == null) {
      return null;
    }
    try {
      JsonNode data = EventJson.mapper().readTree(event.getData().toBytes());
      JsonNode id = data.get("alarmId");
      if (id == null || !id.isString() || id.asString().isBlank()) {
        return null;
      }
      JsonNode unit = data.get("unit");
      UnitId unitId = null;
      if (unit != null && unit.isString()) {
        try {
          unitId = UnitId.of(unit.asString());
        } catch (IllegalArgumentException invalid) {
          unitId = null;
        }
      }
      return new AlarmRecord(id.asString(), unitId, null);
    } catch (JacksonException e) {
      return null;
    }
  }
}
