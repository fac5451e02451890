package io.fenghuo.console.live;

import io.fenghuo.contracts.alarm.AlarmEvent;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.starter.tenancy.TenantScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Feeds the alarm lifecycle of every operator ({@code fire.op.<op>.alarm}) to the live streams. */
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
      properties = {"auto.offset.reset=latest", "enable.auto.commit=false"})
  void on(ConsumerRecord<String, EventEnvelope<?>> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    if (record.value() != null && record.value().data() instanceof AlarmEvent event) {
      feed.publish(operator, event);
    }
  }

  @Scheduled(fixedDelay = 20_000)
  void heartbeat() {
    feed.heartbeat();
  }
}
