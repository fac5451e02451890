package io.fenghuo.console.live;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.starter.tenancy.TenantScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Every operator's fault lifecycle ({@code fire.op.<op>.fault}, docs/streams/fault.md) on the live
 * streams: each record tells the streams of its tenant (the operator's staff, the unit's manager,
 * admin and supervision) that a fault changed, and their open-fault lists and boards re-read the
 * inspection-service. Records are read raw for the fault id (the key), the unit and the assigned
 * maintenance company only, so a newer event type still refreshes the pages.
 *
 * <p>The maintenance company's streams hear of its own work orders only: every fault event names
 * the {@code assignedCompany} of the work order (docs/streams/fault.md).
 *
 * <p>Live from the console's start ({@link LiveStart}): an operator's fault topic is often created
 * by the inspection-service's first fault, after the console started; it is found at the next
 * metadata refresh (every 5 s here) and read from the console's start time, so that first fault is
 * not lost.
 */
@Component
class FaultStreamListener {

  private final TenantScope tenants;
  private final AlarmFeed feed;

  FaultStreamListener(TenantScope tenants, AlarmFeed feed) {
    this.tenants = tenants;
    this.feed = feed;
  }

  @KafkaListener(
      id = "console-live-faults",
      topicPattern = "#{@tenantScope.topicPattern('FAULT')}",
      groupId = "#{@liveGroupId + '-faults'}",
      containerFactory = "liveListenerFactory",
      properties = {
        "auto.offset.reset=earliest",
        "metadata.max.age.ms=5000",
        "enable.auto.commit=false",
        "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
      })
  void on(ConsumerRecord<String, byte[]> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    JsonNode data = RawRecords.data(record);
    String faultId = RawRecords.text(data, "faultId");
    if (faultId == null) {
      faultId = record.key();
    }
    if (faultId == null || faultId.isBlank()) {
      return;
    }
    String company = RawRecords.text(data, "assignedCompany");
    feed.faultChanged(operator, faultId, RawRecords.unit(data), company);
  }
}
