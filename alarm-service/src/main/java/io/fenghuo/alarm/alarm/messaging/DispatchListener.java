package io.fenghuo.alarm.alarm.messaging;

import io.fenghuo.alarm.alarm.DispatchFeedback;
import io.fenghuo.contracts.dispatch.DispatchEvent;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.starter.idempotency.IdempotentConsumer;
import io.fenghuo.starter.tenancy.TenantScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The operator's view of the 119 boundary ({@code fire.op.<op>.dispatch}, keyed by alarm id) onto
 * the alarms' timelines, once per event id.
 */
@Component
class DispatchListener {

  private static final Logger log = LoggerFactory.getLogger(DispatchListener.class);

  private final TenantScope tenants;
  private final IdempotentConsumer idempotent;
  private final DispatchFeedback feedback;

  DispatchListener(TenantScope tenants, IdempotentConsumer idempotent, DispatchFeedback feedback) {
    this.tenants = tenants;
    this.idempotent = idempotent;
    this.feedback = feedback;
  }

  @KafkaListener(
      id = "alarm-dispatch",
      topicPattern = "#{@tenantScope.topicPattern('DISPATCH')}",
      groupId = "#{@tenantScope.groupId('dispatch')}")
  void on(ConsumerRecord<String, EventEnvelope<FenghuoEvent>> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    EventEnvelope<FenghuoEvent> envelope = record.value();
    if (envelope != null && envelope.data() instanceof DispatchEvent event) {
      idempotent.processOnce(
          envelope.id(),
          () -> {
            if (!feedback.record(operator, event)) {
              log.warn(
                  "dispatch feedback {} for alarm {} of {}: no such alarm here, skipped",
                  envelope.type(),
                  event.alarmId(),
                  operator);
            }
          });
    }
  }
}
