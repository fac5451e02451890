package io.fenghuo.dispatch.incident.messaging;

import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.alarm.AlarmDismissed;
import io.fenghuo.contracts.alarm.AlarmForwardedUnconfirmed;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.dispatch.incident.Dispatch;
import io.fenghuo.starter.idempotency.IdempotentConsumer;
import io.fenghuo.starter.tenancy.TenantScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes every operator's alarm stream (pattern subscription: a new operator's topic is picked up
 * without restart) and hands confirmed and policy-forwarded fires, and dismissals (which withdraw
 * an unconfirmed incident), to {@link Dispatch}, once per event id. The other alarm events are not
 * this service's business.
 */
@Component
class AlarmListener {

  private final Dispatch dispatch;
  private final IdempotentConsumer idempotent;
  private final TenantScope tenants;

  AlarmListener(Dispatch dispatch, IdempotentConsumer idempotent, TenantScope tenants) {
    this.dispatch = dispatch;
    this.idempotent = idempotent;
    this.tenants = tenants;
  }

  @KafkaListener(
      id = "alarms",
      topicPattern = "#{@tenantScope.topicPattern('ALARM')}",
      groupId = "#{@tenantScope.groupId('alarms')}")
  void on(ConsumerRecord<String, EventEnvelope<FenghuoEvent>> record) {
    EventEnvelope<FenghuoEvent> event = record.value();
    if (event == null) {
      return;
    }
    if (event.data() instanceof AlarmConfirmed confirmed) {
      OperatorId operator = tenants.operatorOf(record.topic());
      idempotent.processOnce(event.id(), () -> dispatch.confirmed(operator, confirmed));
    } else if (event.data() instanceof AlarmForwardedUnconfirmed forward) {
      OperatorId operator = tenants.operatorOf(record.topic());
      idempotent.processOnce(event.id(), () -> dispatch.forwardedUnconfirmed(operator, forward));
    } else if (event.data() instanceof AlarmDismissed dismissed) {
      OperatorId operator = tenants.operatorOf(record.topic());
      idempotent.processOnce(event.id(), () -> dispatch.dismissed(operator, dismissed));
    }
  }
}
