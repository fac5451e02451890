package io.fenghuo.inspection.inspection.persistence;

import static io.fenghuo.inspection.inspection.persistence.Sql.instant;
import static io.fenghuo.inspection.inspection.persistence.Sql.integer;
import static io.fenghuo.inspection.inspection.persistence.Sql.ts;

import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.AnalogReading;
import io.fenghuo.contracts.signal.StatusSource;
import io.fenghuo.inspection.inspection.Fault;
import io.fenghuo.inspection.inspection.FaultRecord;
import io.fenghuo.inspection.inspection.InspectionQueries;
import io.fenghuo.inspection.inspection.Liveness;
import io.fenghuo.inspection.inspection.PointState;
import io.fenghuo.inspection.inspection.PollRecord;
import io.fenghuo.inspection.inspection.StateDisplay;
import io.fenghuo.inspection.inspection.Uitd;
import io.fenghuo.inspection.inspection.Views;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read side on the service's tables. */
@Component
class JdbcQueries implements InspectionQueries {

  private final JdbcClient jdbc;

  JdbcQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<BoardRow> boardRows(OperatorId operator, Collection<DeviceAddress> devices) {
    if (devices.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select device, object_key, source, system_type, system_address, component_type,"
                + " component_address, flags, raw_state, description, occurred_at, received_at,"
                + " analog_type, analog_value, analog_unit, analog_at from point_state where"
                + " operator = ? and device = any(?)")
        .params(operator.value(), array(devices))
        .query(
            (rs, row) -> {
              boolean analogOnly = instant(rs, "received_at").toEpochMilli() == 0;
              PointState state =
                  new PointState(
                      DeviceAddress.of(rs.getString("device")),
                      StatusSource.valueOf(rs.getString("source")),
                      Sql.point(rs),
                      analogOnly ? Set.of() : Sql.flags(rs.getString("flags")),
                      rs.getInt("raw_state"),
                      rs.getString("description"),
                      instant(rs, "occurred_at"),
                      analogOnly ? null : instant(rs, "received_at"));
              Integer analogType = integer(rs, "analog_type");
              AnalogReading analog =
                  analogType == null
                      ? null
                      : new AnalogReading(
                          analogType,
                          0,
                          rs.getBigDecimal("analog_value"),
                          rs.getString("analog_unit"));
              return new BoardRow(state, analog, instant(rs, "analog_at"));
            })
        .list();
  }

  @Override
  public List<Uitd> uitds(OperatorId operator, UnitId unit, Liveness liveness) {
    return jdbc.sql(
            "select "
                + UitdRows.COLUMNS
                + " from device where operator = ? and (cast(? as text) is null or unit_id = ?)"
                + " and (cast(? as text) is null or liveness = ?) order by unit_id, device")
        .params(
            operator.value(),
            unit == null ? null : unit.value(),
            unit == null ? null : unit.value(),
            liveness == null ? null : liveness.name(),
            liveness == null ? null : liveness.name())
        .query(UitdRows::read)
        .list();
  }

  @Override
  public FaultList faults(FaultQuery q) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> params = new ArrayList<>();
    if (q.operator() != null) {
      where.append(" and operator = ?");
      params.add(q.operator().value());
    }
    if (q.unit() != null) {
      where.append(" and unit_id = ?");
      params.add(q.unit().value());
    }
    if (q.company() != null) {
      where.append(" and assigned_company = ?");
      params.add(q.company());
    }
    if (q.open() != null) {
      where.append(q.open() ? " and closed_at is null" : " and closed_at is not null");
    }
    if (q.kind() != null) {
      where.append(" and kind = ?");
      params.add(q.kind().name());
    }
    if (q.from() != null) {
      where.append(" and opened_at >= ?");
      params.add(ts(q.from()));
    }
    if (q.to() != null) {
      where.append(" and opened_at < ?");
      params.add(ts(q.to()));
    }
    long total =
        jdbc.sql("select count(*) from fault" + where).params(params).query(Long.class).single();
    List<Object> paged = new ArrayList<>(params);
    paged.add(q.size());
    paged.add((long) q.page() * q.size());
    List<FaultRecord> items =
        jdbc.sql(
                "select "
                    + FaultRows.COLUMNS
                    + " from fault"
                    + where
                    + " order by opened_at desc, id limit ? offset ?")
            .params(paged)
            .query(FaultRows::read)
            .list();
    return new FaultList(items, total);
  }

  @Override
  public Optional<FaultRecord> fault(FaultId id) {
    return jdbc.sql("select " + FaultRows.COLUMNS + " from fault where id = ?")
        .param(id.value())
        .query(FaultRows::read)
        .optional();
  }

  @Override
  public List<Fault.LogEntry> log(FaultId id) {
    return jdbc.sql(
            "select at, actor, entry, detail from fault_log where fault_id = ? order by at, id")
        .param(id.value())
        .query(
            (rs, row) ->
                new Fault.LogEntry(
                    instant(rs, "at"),
                    rs.getString("actor"),
                    rs.getString("entry"),
                    rs.getString("detail")))
        .list();
  }

  @Override
  public List<FaultRecord> openFaults(OperatorId operator, Collection<DeviceAddress> devices) {
    if (devices.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + FaultRows.COLUMNS
                + " from fault where operator = ? and device = any(?) and closed_at is null"
                + " order by opened_at")
        .params(operator.value(), array(devices))
        .query(FaultRows::read)
        .list();
  }

  @Override
  public List<FaultRecord> faultsOverlapping(
      OperatorId operator, Collection<DeviceAddress> devices, Instant from, Instant to) {
    if (devices.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + FaultRows.COLUMNS
                + " from fault where operator = ? and device = any(?) and opened_at < ? and"
                + " (closed_at is null or closed_at > ?)")
        .params(operator.value(), array(devices), ts(to), ts(from))
        .query(FaultRows::read)
        .list();
  }

  @Override
  public Views.HistoryPage history(
      OperatorId operator,
      Collection<DeviceAddress> devices,
      Instant from,
      Instant to,
      int page,
      int size) {
    if (devices.isEmpty()) {
      return new Views.HistoryPage(List.of(), page, size, 0);
    }
    String where =
        " where operator = ? and device = any(?) and received_at >= ? and received_at < ?";
    Object[] params = {
      operator.value(),
      array(devices),
      ts(from == null ? Instant.EPOCH : from),
      ts(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to)
    };
    long total =
        jdbc.sql("select count(*) from status_history" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Views.HistoryEntry> items =
        jdbc.sql(
                "select received_at, device, object_key, entry, flags, raw_state, detail,"
                    + " occurred_at from status_history"
                    + where
                    + " order by received_at desc, id desc limit ? offset ?")
            .params(params[0], params[1], params[2], params[3], size, (long) page * size)
            .query(
                (rs, row) -> {
                  String flags = rs.getString("flags");
                  List<String> names =
                      flags == null
                          ? List.of()
                          : Sql.flags(flags).stream().map(Enum::name).sorted().toList();
                  return new Views.HistoryEntry(
                      instant(rs, "received_at"),
                      rs.getString("device"),
                      rs.getString("object_key"),
                      rs.getString("entry"),
                      names,
                      flags == null ? null : StateDisplay.of(Sql.flags(flags)).text(),
                      integer(rs, "raw_state"),
                      rs.getString("detail"),
                      instant(rs, "occurred_at"));
                })
            .list();
    return new Views.HistoryPage(items, page, size, total);
  }

  @Override
  public List<PollRecord> polls(OperatorId operator, Collection<DeviceAddress> devices, int limit) {
    if (devices.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + PollRows.COLUMNS
                + " from poll where operator = ? and device = any(?) order by requested_at desc,"
                + " command_id limit ?")
        .params(operator.value(), array(devices), limit)
        .query(PollRows::read)
        .list();
  }

  private static String[] array(Collection<DeviceAddress> devices) {
    return devices.stream().map(DeviceAddress::toString).toArray(String[]::new);
  }
}
