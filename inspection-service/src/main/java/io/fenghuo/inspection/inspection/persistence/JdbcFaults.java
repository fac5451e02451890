package io.fenghuo.inspection.inspection.persistence;

import static io.fenghuo.inspection.inspection.persistence.Sql.ts;

import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.inspection.inspection.Fault;
import io.fenghuo.inspection.inspection.FaultRecord;
import io.fenghuo.inspection.inspection.Faults;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Fault records in {@code fault} and their log in {@code fault_log}. */
@Component
class JdbcFaults implements Faults {

  private final JdbcClient jdbc;

  JdbcFaults(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Fault> lockOpen(OperatorId operator, DeviceAddress device) {
    return jdbc
        .sql(
            "select "
                + FaultRows.COLUMNS
                + " from fault where operator = ? and device = ? and closed_at is null"
                + " order by opened_at for update")
        .params(operator.value(), device.toString())
        .query(FaultRows::read)
        .list()
        .stream()
        .map(Fault::of)
        .toList();
  }

  @Override
  public Optional<Fault> lock(FaultId id) {
    return jdbc.sql("select " + FaultRows.COLUMNS + " from fault where id = ? for update")
        .param(id.value())
        .query(FaultRows::read)
        .optional()
        .map(Fault::of);
  }

  @Override
  public boolean exists(FaultId id) {
    return jdbc.sql("select count(*) from fault where id = ?")
            .param(id.value())
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public List<Fault> lockDue(Instant now, int limit) {
    return jdbc
        .sql(
            "select "
                + FaultRows.COLUMNS
                + " from fault where next_escalation_at <= ? and closed_at is null"
                + " order by next_escalation_at limit ? for update skip locked")
        .params(ts(now), limit)
        .query(FaultRows::read)
        .list()
        .stream()
        .map(Fault::of)
        .toList();
  }

  @Override
  public List<Fault> lockOpenOfOperator(OperatorId operator) {
    return jdbc
        .sql(
            "select "
                + FaultRows.COLUMNS
                + " from fault where operator = ? and closed_at is null order by opened_at"
                + " for update")
        .param(operator.value())
        .query(FaultRows::read)
        .list()
        .stream()
        .map(Fault::of)
        .toList();
  }

  @Override
  public void save(Fault fault) {
    FaultRecord r = fault.record();
    Object[] p = Sql.pointColumns(r.point());
    jdbc.sql(
            "insert into fault ("
                + FaultRows.COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?) on conflict (id) do update set unit_id = excluded.unit_id,"
                + " escalation_level = excluded.escalation_level, next_escalation_at ="
                + " excluded.next_escalation_at, accepted_at = excluded.accepted_at, accepted_by"
                + " = excluded.accepted_by, repaired_at = excluded.repaired_at, repaired_by ="
                + " excluded.repaired_by, repair_note = excluded.repair_note, closed_at ="
                + " excluded.closed_at, closed_by = excluded.closed_by, close_signal_id ="
                + " excluded.close_signal_id")
        .params(
            r.id().value(),
            r.operator().value(),
            r.unit() == null ? null : r.unit().value(),
            r.device().toString(),
            r.kind().name(),
            r.objectKey(),
            p[0],
            p[1],
            p[2],
            p[3],
            r.location(),
            r.description(),
            r.assignedCompany(),
            ts(r.openedAt()),
            r.openSignalId(),
            r.escalationLevel(),
            ts(r.nextEscalationAt()),
            ts(r.acceptedAt()),
            r.acceptedBy(),
            ts(r.repairedAt()),
            r.repairedBy(),
            r.repairNote(),
            ts(r.closedAt()),
            Sql.name(r.closedBy()),
            r.closeSignalId())
        .update();
    for (Fault.LogEntry e : fault.pendingLog()) {
      jdbc.sql("insert into fault_log (fault_id, at, actor, entry, detail) values (?, ?, ?, ?, ?)")
          .params(r.id().value(), ts(e.at()), e.actor(), e.entry(), e.detail())
          .update();
    }
  }
}
