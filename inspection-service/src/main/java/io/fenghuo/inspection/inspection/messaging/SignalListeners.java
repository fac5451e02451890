package io.fenghuo.inspection.inspection.messaging;

import io.fenghuo.contracts.command.DeviceCommandCompleted;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.DeviceConnected;
import io.fenghuo.contracts.signal.DeviceDisconnected;
import io.fenghuo.contracts.signal.OperationRecorded;
import io.fenghuo.contracts.signal.StatusChanged;
import io.fenghuo.contracts.signal.TelemetryReported;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.inspection.inspection.InspectionDesk;
import io.fenghuo.starter.idempotency.IdempotentConsumer;
import io.fenghuo.starter.tenancy.TenantScope;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The service's Kafka input: status, telemetry, connections, command results and the unit stream of
 * every operator (or of one). Translation only; the desk decides. Every record goes through the
 * idempotent consumer, so a redelivered or retransmitted signal changes nothing.
 */
@Component
class SignalListeners {

  private final TenantScope tenants;
  private final IdempotentConsumer idempotent;
  private final InspectionDesk desk;
  private final Batches batches;

  SignalListeners(
      TenantScope tenants, IdempotentConsumer idempotent, InspectionDesk desk, Batches batches) {
    this.tenants = tenants;
    this.idempotent = idempotent;
    this.desk = desk;
    this.batches = batches;
  }

  @KafkaListener(
      id = "inspection-status",
      topicPattern = "#{@tenantScope.topicPattern('SIGNAL_STATUS')}",
      groupId = "#{@tenantScope.groupId('status')}",
      concurrency = "${fenghuo.inspection.status-consumers:2}",
      batch = "true",
      properties = "max.poll.records=${fenghuo.inspection.batch-size:200}")
  void onStatusBatch(List<ConsumerRecord<String, EventEnvelope<FenghuoEvent>>> records) {
    batches.run(records, this::onStatus);
  }

  @KafkaListener(
      id = "inspection-telemetry",
      topicPattern = "#{@tenantScope.topicPattern('SIGNAL_TELEMETRY')}",
      groupId = "#{@tenantScope.groupId('telemetry')}",
      batch = "true",
      properties = "max.poll.records=${fenghuo.inspection.batch-size:200}")
  void onTelemetryBatch(List<ConsumerRecord<String, EventEnvelope<FenghuoEvent>>> records) {
    batches.run(records, this::onTelemetry);
  }

  private void onStatus(ConsumerRecord<String, EventEnvelope<FenghuoEvent>> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    EventEnvelope<FenghuoEvent> e = record.value();
    if (e == null) {
      throw new IllegalArgumentException("an unreadable record on " + record.topic());
    }
    if (e.data() instanceof StatusChanged s) {
      idempotent.processOnce(e.id(), () -> desk.status(operator, e.id(), s));
    } else if (e.data() instanceof OperationRecorded o) {
      idempotent.processOnce(e.id(), () -> desk.operation(operator, e.id(), o));
    }
  }

  private void onTelemetry(ConsumerRecord<String, EventEnvelope<FenghuoEvent>> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    EventEnvelope<FenghuoEvent> e = record.value();
    if (e == null) {
      throw new IllegalArgumentException("an unreadable record on " + record.topic());
    }
    if (e.data() instanceof TelemetryReported t) {
      idempotent.processOnce(e.id(), () -> desk.telemetry(operator, e.id(), t));
    }
  }

  @KafkaListener(
      id = "inspection-connections",
      topicPattern = "#{@tenantScope.topicPattern('DEVICE_CONNECTION')}",
      groupId = "#{@tenantScope.groupId('connections')}")
  void onConnection(ConsumerRecord<String, EventEnvelope<FenghuoEvent>> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    EventEnvelope<FenghuoEvent> e = record.value();
    if (e == null) {
      return;
    }
    if (e.data() instanceof DeviceConnected c) {
      idempotent.processOnce(e.id(), () -> desk.connected(operator, c));
    } else if (e.data() instanceof DeviceDisconnected d) {
      idempotent.processOnce(e.id(), () -> desk.disconnected(operator, d));
    }
  }

  @KafkaListener(
      id = "inspection-command-results",
      topicPattern = "#{@tenantScope.topicPattern('DEVICE_COMMAND_RESULT')}",
      groupId = "#{@tenantScope.groupId('command-results')}")
  void onCommandResult(ConsumerRecord<String, EventEnvelope<FenghuoEvent>> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    EventEnvelope<FenghuoEvent> e = record.value();
    if (e != null && e.data() instanceof DeviceCommandCompleted r) {
      idempotent.processOnce(e.id(), () -> desk.commandCompleted(operator, r));
    }
  }

  @KafkaListener(
      id = "inspection-units",
      topicPattern = "#{@tenantScope.topicPattern('UNIT')}",
      groupId = "#{@tenantScope.groupId('units')}")
  void onUnit(ConsumerRecord<String, EventEnvelope<FenghuoEvent>> record) {
    OperatorId operator = tenants.operatorOf(record.topic());
    if (record.value() == null) {
      if (record.key() != null) {
        desk.unitRemoved(operator, UnitId.of(record.key()));
      }
    } else if (record.value().data() instanceof UnitArchiveChanged snapshot) {
      desk.unitChanged(operator, snapshot);
    }
  }
}
