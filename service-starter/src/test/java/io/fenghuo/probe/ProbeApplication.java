package io.fenghuo.probe;

import io.fenghuo.contracts.alarm.AlarmEscalated;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.starter.idempotency.IdempotentConsumer;
import io.fenghuo.starter.tenancy.TenantScope;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A minimal service on the starter, as a real one would be wired. */
@SpringBootApplication
class ProbeApplication {

  /** Records each alarm once; an escalation to "nobody" always fails, to exercise dead letters. */
  @Component
  static class AlarmListener {
    final AtomicInteger failures = new AtomicInteger();
    private final IdempotentConsumer idempotent;
    private final TenantScope tenants;
    private final JdbcClient jdbc;

    AlarmListener(IdempotentConsumer idempotent, TenantScope tenants, JdbcClient jdbc) {
      this.idempotent = idempotent;
      this.tenants = tenants;
      this.jdbc = jdbc;
    }

    @KafkaListener(
        id = "probe",
        topicPattern = "#{@tenantScope.topicPattern('ALARM')}",
        groupId = "#{@tenantScope.groupId('probe')}")
    void on(ConsumerRecord<String, EventEnvelope<FenghuoEvent>> record) {
      EventEnvelope<FenghuoEvent> event = record.value();
      if (event.data() instanceof AlarmEscalated escalated
          && escalated.escalatedTo().equals("nobody")) {
        failures.incrementAndGet();
        throw new IllegalStateException("nobody to escalate to");
      }
      String operator = tenants.operatorOf(record.topic()).value();
      idempotent.processOnce(
          event.id(),
          () ->
              jdbc.sql("insert into handled_event (event_id, alarm_id, operator) values (?, ?, ?)")
                  .params(event.id(), record.key(), operator)
                  .update());
    }
  }
}
