package io.fenghuo.console.live;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.rw.CloudEventRWException;
import io.fenghuo.console.web.WebConfiguration;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.kafka.EventJson;
import io.fenghuo.starter.tenancy.TenantScope;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The 119 boundary on the live streams: the centre's topics ({@code fire.119.incident}, {@code
 * fire.119.receipt}) make the terminal's pages re-read their incidents; each operator's {@code
 * fire.op.<op>.dispatch} makes that operator's pages re-read the 119 status of the alarm, and an
 * {@code incident-unacknowledged} becomes a red, sounding feed line: phone 119 now. Records are
 * read raw and only for their ids, so a newer event type still refreshes the pages; a record that
 * cannot be read is skipped (the console only shows).
 */
@Component
class DispatchStreamListener {

  private static final CloudEventDeserializer CLOUD_EVENTS = new CloudEventDeserializer();

  private final TenantScope tenants;
  private final AlarmFeed feed;

  DispatchStreamListener(TenantScope tenants, AlarmFeed feed) {
    this.tenants = tenants;
    this.feed = feed;
  }

  @KafkaListener(
      id = "console-live-incidents",
      topicPattern = "#{@centreTopicPattern}",
      groupId = "#{@liveGroupId + '-centre'}",
      containerFactory = "liveListenerFactory",
      properties = {
        "auto.offset.reset=latest",
        "enable.auto.commit=false",
        "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
      })
  void onCentre(ConsumerRecord<String, byte[]> record) {
    String id = record.key();
    if (id == null || id.isBlank()) {
      JsonNode data = data(record);
      id = data == null ? null : text(data, "incidentId");
      if (id == null) {
        id = data == null ? null : text(data, "testId");
      }
    }
    if (id != null) {
      feed.incidentChanged(id);
    }
  }

  @KafkaListener(
      id = "console-live-dispatch",
      topicPattern = "#{@tenantScope.topicPattern('DISPATCH')}",
      groupId = "#{@liveGroupId + '-dispatch'}",
      containerFactory = "liveListenerFactory",
      properties = {
        "auto.offset.reset=latest",
        "enable.auto.commit=false",
        "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
      })
  void onDispatch(ConsumerRecord<String, byte[]> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    CloudEvent event = cloudEvent(record);
    JsonNode data = event == null ? null : json(event);
    if (data == null) {
      return;
    }
    String alarmId = text(data, "alarmId");
    if (alarmId == null) {
      return;
    }
    UnitId unit = null;
    String unitText = text(data, "unit");
    if (unitText != null) {
      try {
        unit = UnitId.of(unitText);
      } catch (IllegalArgumentException invalid) {
        unit = null;
      }
    }
    AlarmCard mustCall = null;
    if (EventType.INCIDENT_UNACKNOWLEDGED.wireName().equals(event.getType())) {
      String phone = text(data, "centrePhone");
      mustCall =
          AlarmCard.call119(
              operator,
              alarmId,
              unit,
              phone == null ? "119" : phone,
              event.getTime() == null ? Instant.now() : event.getTime().toInstant(),
              WebConfiguration.DEFAULT_ZONE);
    }
    feed.dispatchChanged(operator, alarmId, unit, mustCall);
  }

  private static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return null;
    }
    try {
      return CLOUD_EVENTS.deserialize(record.topic(), record.headers(), record.value());
    } catch (CloudEventRWException | IllegalArgumentException e) {
      return null;
    }
  }

  private static JsonNode data(ConsumerRecord<String, byte[]> record) {
    CloudEvent event = cloudEvent(record);
    return event == null ? null : json(event);
  }

  private static JsonNode json(CloudEvent event) {
    if (event.getData() == null) {
      return null;
    }
    try {
      return EventJson.mapper().readTree(event.getData().toBytes());
    } catch (JacksonException e) {
      return null;
    }
  }

  private static String text(JsonNode data, String field) {
    JsonNode value = data.get(field);
    return value != null && value.isString() && !value.asString().isBlank()
        ? value.asString()
        : null;
  }
}
