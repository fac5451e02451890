package io.fenghuo.inspection.inspection.persistence;

import static io.fenghuo.inspection.inspection.persistence.Sql.ts;

import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.inspection.inspection.Fault;
import io.fenghuo.inspection.inspection.FaultRecord;
import io.fenghuo.inspection.inspection.Faults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
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
  public boolean create(Fault fault) {
    // The id is name-based on the opening signal: a record that exists was opened before.
    return write(fault, " on conflict (id) do nothing") > 0;
  }

  @Override
  public void save(Fault fault) {
    write(
        fault,
        " on conflict (id) do update set unit_id = excluded.unit_id, escalation_level ="
            + " excluded.escalation_level, next_escalation_at = excluded.next_escalation_at,"
            + " accepted_at = excluded.accepted_at, accepted_by = excluded.accepted_by,"
            + " repaired_at = excluded.repaired_at, repaired_by = excluded.repaired_by,"
            + " repair_note = excluded.repair_note, closed_at = excluded.closed_at, closed_by ="
            + " excluded.closed_by, close_signal_id = excluded.close_signal_id");
  }

  /**
   * The record's insert (with {@code conflict}) and its pending log entries in one statement; the
   * log is written only if the record was.
   *
   * @return the rows written: 0 if the conflict clause skipped the record
   */
  private int write(Fault fault, String conflict) {
    FaultRecord r = fault.record();
    Object[] p = Sql.pointColumns(r.point());
    List<Object> params = new ArrayList<>();
    params.addAll(
        Arrays.asList(
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
            r.closeSignalId()));
    String insert =
        "insert into fault ("
            + FaultRows.COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + conflict;
    List<Fault.LogEntry> log = fault.pendingLog();
    if (log.isEmpty()) {
      return jdbc.sql(insert).params(params).update();
    }
    StringJoiner values = new StringJoiner(", ");
    for (Fault.LogEntry e : log) {
      values.add("(?::timestamptz, ?::text, ?::text, ?::text)");
      params.addAll(Arrays.asList(ts(e.at()), e.actor(), e.entry(), e.detail()));
    }
    return jdbc.sql(
            "with f as ("
                + insert
                + " returning id) insert into fault_log (fault_id, at, actor, entry, detail)"
                + " select f.id, l.at, l.actor, l.entry, l.detail from f, (values "
                + values
                + ") l (at, actor, entry, detail)")
        .params(params)
        .update();
  }
}
