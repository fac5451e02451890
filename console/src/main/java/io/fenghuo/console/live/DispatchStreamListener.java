package io.fenghuo.console.live;

import io.cloudevents.CloudEvent;
import io.fenghuo.console.web.WebConfiguration;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.starter.tenancy.TenantScope;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The 119 boundary on the live streams: the centre's topics ({@code fire.119.incident}, {@code
 * fire.119.receipt}) make the terminal's pages re-read their incidents; each operator's {@code
 * fire.op.<op>.dispatch} makes that operator's pages re-read the 119 status of the alarm, and an
 * {@code incident-unacknowledged} becomes a red, sounding feed line: phone 119 now. Records are
 * read raw and only for their ids, so a newer event type still refreshes the pages; a record that
 * cannot be read is skipped (the console only shows). Live from the console's start ({@link
 * LiveStart}).
 */
@Component
class DispatchStreamListener {

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
        "auto.offset.reset=earliest",
        "enable.auto.commit=false",
        "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
      })
  void onCentre(ConsumerRecord<String, byte[]> record) {
    String id = record.key();
    if (id == null || id.isBlank()) {
      JsonNode data = RawRecords.data(record);
      id = data == null ? null : RawRecords.text(data, "incidentId");
      if (id == null) {
        id = data == null ? null : RawRecords.text(data, "testId");
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
        "auto.offset.reset=earliest",
        "enable.auto.commit=false",
        "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
      })
  void onDispatch(ConsumerRecord<String, byte[]> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    CloudEvent event = RawRecords.cloudEvent(record);
    JsonNode data = event == null ? null : RawRecords.json(event);
    if (data == null) {
      return;
    }
    String alarmId = RawRecords.text(data, "alarmId");
    if (alarmId == null) {
      return;
    }
    UnitId unit = RawRecords.unit(data);
    AlarmCard mustCall = null;
    if (EventType.INCIDENT_UNACKNOWLEDGED.wireName().equals(event.getType())) {
      String phone = RawRecords.text(data, "centrePhone");
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
}
