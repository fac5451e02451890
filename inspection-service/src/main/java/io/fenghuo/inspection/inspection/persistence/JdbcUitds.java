package io.fenghuo.inspection.inspection.persistence;

import static io.fenghuo.inspection.inspection.persistence.Sql.ts;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.inspection.inspection.Uitd;
import io.fenghuo.inspection.inspection.Uitds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Liveness and poll schedules in {@code device}. */
@Component
class JdbcUitds implements Uitds {

  private final JdbcClient jdbc;

  JdbcUitds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Uitd> lock(OperatorId operator, DeviceAddress device) {
    return jdbc.sql(
            "select "
                + UitdRows.COLUMNS
                + " from device where operator = ? and device = ? for update")
        .params(operator.value(), device.toString())
        .query(UitdRows::read)
        .optional();
  }

  @Override
  public Optional<Bound> lockBound(OperatorId operator, DeviceAddress device) {
    return jdbc.sql(
            "select "
                + UitdRows.COLUMNS.replaceAll("(^|, )", "$1d.")
                + ", s.unit_id bound_unit, s.version bound_version from device d left join"
                + " unit_device b on b.operator = d.operator and b.device = d.device left join"
                + " unit_snapshot s on s.operator = b.operator and s.unit_id = b.unit_id"
                + " where d.operator = ? and d.device = ? for update of d")
        .params(operator.value(), device.toString())
        .query(
            (rs, row) -> {
              String unit = rs.getString("bound_unit");
              return new Bound(
                  UitdRows.read(rs, row),
                  unit == null ? null : UnitId.of(unit),
                  unit == null ? 0 : rs.getLong("bound_version"));
            })
        .optional();
  }

  @Override
  public void insertIfAbsent(Uitd u) {
    jdbc.sql(
            "insert into device ("
                + UitdRows.COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (operator, device) do nothing")
        .params(values(u))
        .update();
  }

  @Override
  public void save(Uitd u) {
    jdbc.sql(
            "update device set unit_id = ?, liveness = ?, last_seen_at = ?, connected = ?,"
                + " disconnected_at = ?, disconnect_reason = ?, offline_due_at = ?, offline_since"
                + " = ?, clock_drift_ms = ?, clock_drift_at = ?, clock_sync_requested_at = ?,"
                + " last_poll_at = ?, next_poll_at = ? where operator = ? and device = ?")
        .params(
            u.unit() == null ? null : u.unit().value(),
            u.liveness().name(),
            ts(u.lastSeenAt()),
            u.connected(),
            ts(u.disconnectedAt()),
            Sql.name(u.disconnectReason()),
            ts(u.offlineDueAt()),
            ts(u.offlineSince()),
            u.clockDriftMs(),
            ts(u.clockDriftAt()),
            ts(u.clockSyncRequestedAt()),
            ts(u.lastPollAt()),
            ts(u.nextPollAt()),
            u.operator().value(),
            u.device().toString())
        .update();
  }

  @Override
  public List<Uitd> lockOverdue(Instant now, int limit) {
    return jdbc.sql(
            "select "
                + UitdRows.COLUMNS
                + " from device where liveness = 'ONLINE' and offline_due_at <= ?"
                + " order by offline_due_at limit ? for update skip locked")
        .params(ts(now), limit)
        .query(UitdRows::read)
        .list();
  }

  @Override
  public List<Uitd> lockDuePolls(Instant now, int limit) {
    return jdbc.sql(
            "select "
                + UitdRows.COLUMNS
                + " from device where next_poll_at <= ? order by next_poll_at limit ?"
                + " for update skip locked")
        .params(ts(now), limit)
        .query(UitdRows::read)
        .list();
  }

  @Override
  public List<Uitd> lockOf(OperatorId operator, UnitId unit) {
    return jdbc.sql(
            "select "
                + UitdRows.COLUMNS
                + " from device where operator = ? and (cast(? as text) is null or unit_id = ?)"
                + " order by device for update")
        .params(
            operator.value(),
            unit == null ? null : unit.value(),
            unit == null ? null : unit.value())
        .query(UitdRows::read)
        .list();
  }

  private static Object[] values(Uitd u) {
    return new Object[] {
      u.operator().value(),
      u.device().toString(),
      u.unit() == null ? null : u.unit().value(),
      u.liveness().name(),
      ts(u.lastSeenAt()),
      u.connected(),
      ts(u.disconnectedAt()),
      Sql.name(u.disconnectReason()),
      ts(u.offlineDueAt()),
      ts(u.offlineSince()),
      u.clockDriftMs(),
      ts(u.clockDriftAt()),
      ts(u.clockSyncRequestedAt()),
      ts(u.lastPollAt()),
      ts(u.nextPollAt())
    };
  }
}
