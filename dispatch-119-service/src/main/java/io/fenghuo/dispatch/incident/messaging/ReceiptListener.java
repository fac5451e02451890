package io.fenghuo.dispatch.incident.messaging;

import io.fenghuo.contracts.dispatch.ReceiptIssued;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.dispatch.incident.CommunicationTesting;
import io.fenghuo.dispatch.incident.Dispatch;
import io.fenghuo.starter.idempotency.IdempotentConsumer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the 119 centre's receipts ({@code fire.119.receipt}), once per event id: for an
 * incident, or else for a communication test. A receipt for neither is counted and logged.
 */
@Component
class ReceiptListener {

  private static final Logger log = LoggerFactory.getLogger(ReceiptListener.class);

  private final Dispatch dispatch;
  private final CommunicationTesting testing;
  private final IdempotentConsumer idempotent;
  private final Counter unknown;

  ReceiptListener(
      Dispatch dispatch,
      CommunicationTesting testing,
      IdempotentConsumer idempotent,
      MeterRegistry meters) {
    this.dispatch = dispatch;
    this.testing = testing;
    this.idempotent = idempotent;
    this.unknown = meters.counter("fenghuo.dispatch.receipts.unknown");
  }

  @KafkaListener(
      id = "receipts",
      topics =
          "#{T(io.fenghuo.contracts.topic.TopicNames)"
              + ".of(T(io.fenghuo.contracts.topic.Stream).RECEIPT).toString()}",
      groupId = "#{@tenantScope.groupId('receipts')}")
  void on(ConsumerRecord<String, EventEnvelope<FenghuoEvent>> record) {
    EventEnvelope<FenghuoEvent> event = record.value();
    if (event == null || !(event.data() instanceof ReceiptIssued receipt)) {
      return;
    }
    idempotent.processOnce(
        event.id(),
        () -> {
          if (!dispatch.receipt(receipt) && !testing.receipt(receipt)) {
            unknown.increment();
            log.warn(
                "receipt {} from {} names unknown incident {}",
                event.id(),
                event.source(),
                receipt.incidentId());
          }
        });
  }
}
