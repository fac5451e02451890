package io.fenghuo.console.live;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.starter.tenancy.TenantScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feeds the alarm lifecycle of every operator ({@code fire.op.<op>.alarm}) to the live streams.
 * Live from the console's start ({@link LiveStart}): an operator's alarm topic created after the
 * start (its first alarm creates it) is found at the next metadata refresh (5 s) and read from the
 * console's start time, so that first fire alarm is not lost.
 */
@Component
class AlarmStreamListener {

  private final TenantScope tenants;
  private final AlarmFeed feed;

  AlarmStreamListener(TenantScope tenants, AlarmFeed feed) {
    this.tenants = tenants;
    this.feed = feed;
  }

  @KafkaListener(
      id = "console-live-alarms",
      topicPattern = "#{@tenantScope.topicPattern('ALARM')}",
      groupId = "#{@liveGroupId}",
      containerFactory = "liveListenerFactory",
      properties = {
        "auto.offset.reset=earliest",
        "metadata.max.age.ms=5000",
        "enable.auto.commit=false",
        // Raw bytes: a lifecycle type newer than this build's contracts still refreshes the queue.
        "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
      })
  void on(ConsumerRecord<String, byte[]> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    AlarmRecord alarm = AlarmRecord.read(record.topic(), record.headers(), record.value());
    if (alarm == null) {
      return;
    }
    if (alarm.event() != null) {
      feed.publish(operator, alarm.event());
    } else {
      feed.changed(operator, alarm.alarmId(), alarm.unit());
    }
  }

  @Scheduled(fixedDelay = 20_000)
  void heartbeat() {
    feed.heartbeat();
  }
}
