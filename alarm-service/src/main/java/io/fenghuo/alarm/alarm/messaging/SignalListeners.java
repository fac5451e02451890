package io.fenghuo.alarm.alarm.messaging;

import io.fenghuo.alarm.alarm.AlarmDesk;
import io.fenghuo.alarm.alarm.PointSignal;
import io.fenghuo.alarm.alarm.TimelineKind;
import io.fenghuo.alarm.alarm.UnitDirectory;
import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.FireAlarmRaised;
import io.fenghuo.contracts.signal.OperationFlag;
import io.fenghuo.contracts.signal.OperationRecorded;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.signal.StatusChanged;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.starter.idempotency.IdempotentConsumer;
import io.fenghuo.starter.tenancy.TenantScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The service's Kafka input: the priority lane, the fire-relevant part of the status stream, and
 * the unit stream for the local read model. Translation only; the desk decides.
 */
@Component
class SignalListeners {

  /** The consumer group (suffix) of the unit stream's listener. */
  static final String UNITS_GROUP = "units";

  private final TenantScope tenants;
  private final IdempotentConsumer idempotent;
  private final AlarmDesk desk;
  private final UnitDirectory units;
  private final UnitStreamReadiness readiness;

  SignalListeners(
      TenantScope tenants,
      IdempotentConsumer idempotent,
      AlarmDesk desk,
      UnitDirectory units,
      UnitStreamReadiness readiness) {
    this.tenants = tenants;
    this.idempotent = idempotent;
    this.desk = desk;
    this.units = units;
    this.readiness = readiness;
  }

  @KafkaListener(
      id = "alarm-signals",
      topicPattern = "#{@tenantScope.topicPattern('SIGNAL_ALARM')}",
      groupId = "#{@tenantScope.groupId('signals')}")
  void onAlarm(ConsumerRecord<String, EventEnvelope<FenghuoEvent>> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    EventEnvelope<FenghuoEvent> envelope = record.value();
    if (envelope != null && envelope.data() instanceof FireAlarmRaised fire) {
      PointSignal signal =
          new PointSignal(
              envelope.id(),
              fire.device(),
              AlarmCategory.FIRE,
              fire.source(),
              fire.point(),
              fire.occurredAt(),
              fire.receivedAt());
      idempotent.processOnce(envelope.id(), () -> desk.receive(operator, signal));
    }
  }

  @KafkaListener(
      id = "alarm-status",
      topicPattern = "#{@tenantScope.topicPattern('SIGNAL_STATUS')}",
      groupId = "#{@tenantScope.groupId('status')}")
  void onStatus(ConsumerRecord<String, EventEnvelope<FenghuoEvent>> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    EventEnvelope<FenghuoEvent> envelope = record.value();
    if (envelope == null) {
      return;
    }
    // Fire bits also travel on the priority lane as FireAlarmRaised; here only supervisory states
    // and the operations that belong on an alarm's timeline.
    if (envelope.data() instanceof StatusChanged status
        && status.flags().contains(StateFlag.SUPERVISORY)) {
      PointSignal signal =
          new PointSignal(
              envelope.id(),
              status.device(),
              AlarmCategory.SUPERVISORY,
              null,
              status.point(),
              status.occurredAt(),
              status.receivedAt());
      idempotent.processOnce(envelope.id(), () -> desk.receive(operator, signal));
    } else if (envelope.data() instanceof OperationRecorded op) {
      TimelineKind kind =
          op.operations().contains(OperationFlag.RESET)
              ? TimelineKind.PANEL_RESET
              : op.operations().contains(OperationFlag.ALARM_CLEARED)
                  ? TimelineKind.ALARM_CLEARED
                  : null;
      if (kind != null) {
        String detail =
            (op.onUitd() ? "用户信息传输装置" : "控制器")
                + " 操作员 "
                + op.operatorNumber()
                + ": "
                + op.operations();
        idempotent.processOnce(
            envelope.id(), () -> desk.recordOperation(operator, op.device(), kind, detail));
      }
    }
  }

  @KafkaListener(
      id = "alarm-units",
      topicPattern = "#{@tenantScope.topicPattern('UNIT')}",
      groupId = "#{@tenantScope.groupId('" + UNITS_GROUP + "')}")
  void onUnit(ConsumerRecord<String, EventEnvelope<FenghuoEvent>> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    if (record.value() == null) {
      if (record.key() != null) {
        units.remove(operator, UnitId.of(record.key()));
      }
    } else if (record.value().data() instanceof UnitArchiveChanged snapshot) {
      desk.applyUnit(operator, snapshot);
    }
    readiness.processed(record.topic(), record.partition(), record.offset());
  }
}
