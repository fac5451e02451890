package io.fenghuo.inspection.inspection.persistence;

import static io.fenghuo.inspection.inspection.persistence.Sql.ts;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.inspection.inspection.PollRecord;
import io.fenghuo.inspection.inspection.Polls;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Poll records in {@code poll} (partitioned by month of the request). */
@Component
class JdbcPolls implements Polls {

  private final JdbcClient jdbc;

  JdbcPolls(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(PollRecord p) {
    jdbc.sql(
            "insert into poll ("
                + PollRows.COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            p.commandId(),
            ts(p.requestedAt()),
            p.operator().value(),
            p.unit() == null ? null : p.unit().value(),
            p.device().toString(),
            p.kind().name(),
            p.trigger().name(),
            p.requestedBy(),
            p.systemType(),
            p.systemAddress(),
            ts(p.dueBy()),
            ts(p.completedAt()),
            p.outcome(),
            p.attempts(),
            p.detail())
        .update();
  }

  @Override
  public Optional<PollRecord> lockByCommand(String commandId) {
    return jdbc.sql("select " + PollRows.COLUMNS + " from poll where command_id = ? for update")
        .param(commandId)
        .query(PollRows::read)
        .optional();
  }

  @Override
  public void complete(
      PollRecord poll, String outcome, Integer attempts, String detail, Instant at) {
    jdbc.sql(
            "update poll set completed_at = ?, outcome = ?, attempts = ?, detail = ?"
                + " where command_id = ? and requested_at = ?")
        .params(ts(at), outcome, attempts, detail, poll.commandId(), ts(poll.requestedAt()))
        .update();
  }

  @Override
  public List<PollRecord> lockExpired(Instant now, int limit) {
    return jdbc.sql(
            "select "
                + PollRows.COLUMNS
                + " from poll where completed_at is null and due_by <= ? order by due_by limit ?"
                + " for update skip locked")
        .params(ts(now), limit)
        .query(PollRows::read)
        .list();
  }

  @Override
  public boolean systemReadRecent(
      OperatorId operator,
      DeviceAddress device,
      int systemType,
      int systemAddress,
      Instant since,
      Instant answeredSince) {
    return jdbc.sql(
            "select exists (select 1 from poll where operator = ? and device = ? and kind ="
                + " 'READ_SYSTEM_STATE' and system_type = ? and system_address = ? and"
                + " requested_at >= ? and (completed_at is null or completed_at >= ?))")
        .params(
            operator.value(),
            device.toString(),
            systemType,
            systemAddress,
            ts(since),
            ts(answeredSince))
        .query(Boolean.class)
        .single();
  }
}
