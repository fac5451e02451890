package io.fenghuo.alarm.alarm.persistence;

import static io.fenghuo.alarm.alarm.persistence.Sql.bigint;
import static io.fenghuo.alarm.alarm.persistence.Sql.enumOf;
import static io.fenghuo.alarm.alarm.persistence.Sql.instant;
import static io.fenghuo.alarm.alarm.persistence.Sql.integer;
import static io.fenghuo.alarm.alarm.persistence.Sql.name;
import static io.fenghuo.alarm.alarm.persistence.Sql.ts;

import io.fenghuo.alarm.alarm.Alarm;
import io.fenghuo.alarm.alarm.AlarmQueries;
import io.fenghuo.alarm.alarm.AlarmRecord;
import io.fenghuo.alarm.alarm.AlarmState;
import io.fenghuo.alarm.alarm.Alarms;
import io.fenghuo.alarm.alarm.CallOutcome;
import io.fenghuo.alarm.alarm.DispatchState;
import io.fenghuo.alarm.alarm.PointPlace;
import io.fenghuo.alarm.alarm.PointSignal;
import io.fenghuo.alarm.alarm.StoredPoint;
import io.fenghuo.alarm.alarm.TimelineEntry;
import io.fenghuo.alarm.alarm.TimelineKind;
import io.fenghuo.alarm.alarm.Verdict;
import io.fenghuo.alarm.alarm.Views;
import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.contracts.alarm.FalseAlarmCause;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.FireAlarmSource;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.gb26875.adu.ComponentType;
import io.fenghuo.gb26875.adu.SystemType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Alarms, points, calls and the audit timeline on JDBC (schema {@code alarm}). */
@Component
class JdbcAlarms implements Alarms, AlarmQueries {

  private static final String OPEN = "state in ('OPEN', 'CLAIMED')";

  private static final String CARD =
      "select a.*, u.name as unit_name, u.address as unit_address, p.location as first_location,"
          + " p.component_type as first_component_type from alarm a"
          + " left join unit_snapshot u on u.operator = a.operator and u.unit_id = a.unit_id"
          + " left join alarm_point p on p.alarm_id = a.id and p.opened_at = a.opened_at"
          + " and p.point_key = a.first_point_key";

  private final JdbcClient jdbc;

  JdbcAlarms(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ------------------------------------------------------------------ write side

  @Override
  public void lockGroup(OperatorId operator, String groupKey) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
        .param(operator.value() + "|" + groupKey)
        .query()
        .singleRow();
  }

  @Override
  public void lockDevice(OperatorId operator, DeviceAddress device) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
        .param(operator.value() + "|device-binding:" + device)
        .query()
        .singleRow();
  }

  @Override
  public List<Alarm> openWithoutUnit(OperatorId operator, DeviceAddress device) {
    return jdbc.sql(
            "select * from alarm where operator = ? and unit_id is null and device = ? and "
                + OPEN
                + " order by opened_at for update")
        .params(operator.value(), device.toString())
        .query(ALARM)
        .list();
  }

  @Override
  public void placePoints(Alarm alarm, Function<StoredPoint, PointPlace> place) {
    AlarmRecord r = alarm.record();
    List<KeyedPoint> rows =
        jdbc.sql("select * from alarm_point where alarm_id = ? and opened_at = ?")
            .params(r.id().value(), ts(r.openedAt()))
            .query(
                (rs, i) ->
                    new KeyedPoint(
                        rs.getString("point_key"),
                        new StoredPoint(
                            DeviceAddress.of(rs.getString("device")),
                            pointRef(rs),
                            new PointPlace(
                                rs.getString("location"),
                                rs.getString("building"),
                                integer(rs, "floor"),
                                null,
                                null))))
            .list();
    for (KeyedPoint row : rows) {
      PointPlace p = place.apply(row.point());
      jdbc.sql(
              "update alarm_point set unit_id = ?, location = coalesce(?, location), building ="
                  + " coalesce(?, building), floor = coalesce(?, floor) where alarm_id = ? and"
                  + " opened_at = ? and point_key = ?")
          .params(
              r.unit() == null ? null : r.unit().value(),
              p.location(),
              p.building(),
              p.floor(),
              r.id().value(),
              ts(r.openedAt()),
              row.key())
          .update();
    }
  }

  private record KeyedPoint(String key, StoredPoint point) {}

  @Override
  public Optional<Alarm> openInGroup(OperatorId operator, String groupKey) {
    return jdbc.sql(
            "select * from alarm where operator = ? and group_key = ? and "
                + OPEN
                + " order by opened_at limit 1 for update")
        .params(operator.value(), groupKey)
        .query(ALARM)
        .optional();
  }

  @Override
  public List<Alarm> openOfUnitOrDevice(OperatorId operator, UnitId unit, DeviceAddress device) {
    String where = unit != null ? "unit_id = ?" : "unit_id is null and device = ?";
    return jdbc.sql(
            "select * from alarm where operator = ? and "
                + where
                + " and "
                + OPEN
                + " order by (category = 'FIRE') desc, opened_at for update")
        .params(operator.value(), unit != null ? unit.value() : device.toString())
        .query(ALARM)
        .list();
  }

  @Override
  public Optional<Alarm> lock(AlarmId id) {
    return jdbc.sql("select * from alarm where id = ? for update")
        .param(id.value())
        .query(ALARM)
        .optional();
  }

  @Override
  public List<Alarm> lockDue(Instant now, int limit) {
    return jdbc.sql(
            "select * from alarm where next_check_at <= ? and "
                + OPEN
                + " order by next_check_at limit ? for update skip locked")
        .params(ts(now), limit)
        .query(ALARM)
        .list();
  }

  @Override
  public void save(Alarm alarm) {
    AlarmRecord r = alarm.record();
    AlarmRecord.FireDetails f = r.fire() == null ? AlarmRecord.FireDetails.NONE : r.fire();
    jdbc.sql(
            "insert into alarm (id, opened_at, operator, unit_id, device, group_key, category,"
                + " human_initiated, maintenance_window, state, first_alert_at, last_point_at,"
                + " point_count, first_signal_id, first_source, first_point_key, claimed_by,"
                + " claimed_at, last_activity_at, escalation_level, forwarded_unconfirmed,"
                + " next_check_at, verdict, cause, result_by, result_at, result_notes,"
                + " fire_location, burning_material, fire_size, caller, caller_phone) values (?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?) on conflict (id, opened_at) do update set unit_id = excluded.unit_id,"
                + " group_key = excluded.group_key, maintenance_window ="
                + " excluded.maintenance_window, human_initiated ="
                + " excluded.human_initiated, state = excluded.state, last_point_at ="
                + " excluded.last_point_at, point_count = excluded.point_count, claimed_by ="
                + " excluded.claimed_by, claimed_at = excluded.claimed_at, last_activity_at ="
                + " excluded.last_activity_at, escalation_level = excluded.escalation_level,"
                + " forwarded_unconfirmed = excluded.forwarded_unconfirmed, next_check_at ="
                + " excluded.next_check_at, verdict = excluded.verdict, cause = excluded.cause,"
                + " result_by = excluded.result_by, result_at = excluded.result_at, result_notes"
                + " = excluded.result_notes, fire_location = excluded.fire_location,"
                + " burning_material = excluded.burning_material, fire_size = excluded.fire_size,"
                + " caller = excluded.caller, caller_phone = excluded.caller_phone")
        .params(
            r.id().value(),
            ts(r.openedAt()),
            r.operator().value(),
            r.unit() == null ? null : r.unit().value(),
            r.device().toString(),
            r.groupKey(),
            r.category().name(),
            r.humanInitiated(),
            r.maintenanceWindow(),
            r.state().name(),
            ts(r.firstAlertAt()),
            ts(r.lastPointAt()),
            r.pointCount(),
            r.firstSignalId(),
            name(r.firstSource()),
            r.firstPointKey(),
            r.claimedBy(),
            ts(r.claimedAt()),
            ts(r.lastActivityAt()),
            r.escalationLevel(),
            r.forwardedUnconfirmed(),
            ts(r.nextCheckAt()),
            name(r.verdict()),
            name(r.cause()),
            r.resultBy(),
            ts(r.resultAt()),
            r.resultNotes(),
            f.fireLocation(),
            f.burningMaterial(),
            f.fireSize(),
            f.caller(),
            f.callerPhone())
        .update();
    for (TimelineEntry e : alarm.pendingEntries()) {
      jdbc.sql(
              "insert into alarm_timeline (alarm_id, opened_at, at, actor, kind, detail)"
                  + " values (?, ?, ?, ?, ?, ?)")
          .params(
              r.id().value(), ts(r.openedAt()), ts(e.at()), e.actor(), e.kind().name(), e.detail())
          .update();
    }
  }

  @Override
  public boolean recordPoint(Alarm alarm, PointSignal s, PointPlace place, Instant now) {
    // Runs under the group's advisory lock (see lockGroup), so check-then-write cannot race.
    AlarmRecord r = alarm.record();
    PointRef p = s.point();
    int updated =
        jdbc.sql(
                "update alarm_point set count = count + 1, last_at = greatest(last_at, ?),"
                    + " received_last_at = ? where alarm_id = ? and opened_at = ? and point_key = ?")
            .params(ts(s.at()), ts(now), r.id().value(), ts(r.openedAt()), s.pointKey())
            .update();
    if (updated > 0) {
      return false;
    }
    jdbc.sql(
            "insert into alarm_point (alarm_id, opened_at, point_key, ordinal, operator, unit_id,"
                + " device, system_type, system_address, component_type, component_address,"
                + " source, location, building, floor, first_at, last_at, received_last_at, count,"
                + " first_signal_id) values (?, ?, ?, (select coalesce(max(ordinal), 0) + 1 from"
                + " alarm_point where alarm_id = ? and opened_at = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, 1, ?)")
        .params(
            r.id().value(),
            ts(r.openedAt()),
            s.pointKey(),
            r.id().value(),
            ts(r.openedAt()),
            r.operator().value(),
            r.unit() == null ? null : r.unit().value(),
            s.device().toString(),
            p == null ? null : p.systemType(),
            p == null ? null : p.systemAddress(),
            p == null ? null : p.componentType(),
            p == null ? null : p.componentAddress(),
            name(s.source()),
            place.location(),
            place.building(),
            place.floor(),
            ts(s.at()),
            ts(s.at()),
            ts(now),
            s.eventId())
        .update();
    return true;
  }

  @Override
  public List<StoredPoint> points(Alarm alarm) {
    return jdbc.sql(
            "select * from alarm_point where alarm_id = ? and opened_at = ? order by ordinal")
        .params(alarm.id().value(), ts(alarm.record().openedAt()))
        .query(
            (rs, i) ->
                new StoredPoint(
                    DeviceAddress.of(rs.getString("device")),
                    pointRef(rs),
                    new PointPlace(
                        rs.getString("location"),
                        rs.getString("building"),
                        integer(rs, "floor"),
                        null,
                        null)))
        .list();
  }

  @Override
  public void addCall(Alarm alarm, Views.CallView call) {
    jdbc.sql(
            "insert into alarm_call (alarm_id, opened_at, at, by_user, contact_name, phone,"
                + " outcome, note) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            alarm.id().value(),
            ts(alarm.record().openedAt()),
            ts(call.at()),
            call.by(),
            call.contactName(),
            call.phone(),
            call.outcome().name(),
            call.note())
        .update();
  }

  @Override
  public boolean hasAnsweredCall(Alarm alarm) {
    return jdbc.sql(
                "select count(*) from alarm_call where alarm_id = ? and opened_at = ?"
                    + " and outcome = 'ANSWERED'")
            .params(alarm.id().value(), ts(alarm.record().openedAt()))
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public void recheckOpen(OperatorId operator, Instant now) {
    jdbc.sql("update alarm set next_check_at = ? where operator = ? and " + OPEN)
        .params(ts(now), operator.value())
        .update();
  }

  @Override
  public void saveDispatch(Alarm alarm, DispatchState d) {
    jdbc.sql(
            "insert into alarm_dispatch (alarm_id, opened_at, operator, incident_id, status,"
                + " confirmed, forwarded_at, last_forwarded_at, attempts, acknowledged_at,"
                + " acknowledged_by, progress_stage, progress_at, unacknowledged_at, centre_phone,"
                + " message, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (alarm_id) do update set status = excluded.status, confirmed ="
                + " excluded.confirmed, forwarded_at = excluded.forwarded_at, last_forwarded_at ="
                + " excluded.last_forwarded_at, attempts = excluded.attempts, acknowledged_at ="
                + " excluded.acknowledged_at, acknowledged_by = excluded.acknowledged_by,"
                + " progress_stage = excluded.progress_stage, progress_at = excluded.progress_at,"
                + " unacknowledged_at = excluded.unacknowledged_at, centre_phone ="
                + " excluded.centre_phone, message = excluded.message, updated_at ="
                + " excluded.updated_at")
        .params(
            alarm.id().value(),
            ts(alarm.record().openedAt()),
            alarm.record().operator().value(),
            d.incidentId(),
            d.status().name(),
            d.confirmed(),
            ts(d.forwardedAt()),
            ts(d.lastForwardedAt()),
            d.attempts(),
            ts(d.acknowledgedAt()),
            d.acknowledgedBy(),
            d.progressStage(),
            ts(d.progressAt()),
            ts(d.unacknowledgedAt()),
            d.centrePhone(),
            d.message(),
            ts(d.updatedAt()))
        .update();
  }

  @Override
  public Optional<DispatchState> dispatch(AlarmId id) {
    return jdbc.sql("select * from alarm_dispatch where alarm_id = ?")
        .param(id.value())
        .query(
            (rs, i) ->
                new DispatchState(
                    rs.getObject("incident_id", UUID.class),
                    DispatchState.Status.valueOf(rs.getString("status")),
                    rs.getBoolean("confirmed"),
                    instant(rs, "forwarded_at"),
                    instant(rs, "last_forwarded_at"),
                    rs.getInt("attempts"),
                    instant(rs, "acknowledged_at"),
                    rs.getString("acknowledged_by"),
                    rs.getString("progress_stage"),
                    instant(rs, "progress_at"),
                    instant(rs, "unacknowledged_at"),
                    rs.getString("centre_phone"),
                    rs.getString("message"),
                    instant(rs, "updated_at")))
        .optional();
  }

  // ------------------------------------------------------------------ read side

  @Override
  public List<Views.AlarmCard> openCards(OperatorId operator, UnitId unit) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where a." + OPEN);
    if (operator != null) {
      where.append(" and a.operator = ?");
      params.add(operator.value());
    }
    if (unit != null) {
      where.append(" and a.unit_id = ?");
      params.add(unit.value());
    }
    return jdbc.sql(CARD + where).params(params).query(CARD_MAPPER).list();
  }

  @Override
  public Optional<Views.AlarmCard> card(AlarmId id) {
    return jdbc.sql(CARD + " where a.id = ?").param(id.value()).query(CARD_MAPPER).optional();
  }

  @Override
  public List<Views.PointView> points(AlarmId id) {
    return jdbc.sql("select * from alarm_point where alarm_id = ? order by ordinal")
        .param(id.value())
        .query(
            (rs, i) -> {
              Integer system = integer(rs, "system_type");
              Integer componentType = integer(rs, "component_type");
              Long componentAddress = bigint(rs, "component_address");
              Integer floor = integer(rs, "floor");
              return new Views.PointView(
                  rs.getString("device"),
                  system,
                  system == null ? null : SystemType.of(system).label(),
                  system == null
                      ? null
                      : rs.getInt("system_address")
                          + (componentAddress == null ? "" : "-" + componentAddress),
                  rs.getString("location"),
                  rs.getString("building"),
                  floor == null ? null : floor < 0 ? "B" + (-floor) : floor + "F",
                  componentType == null ? null : ComponentType.of(componentType).label(),
                  instant(rs, "first_at"),
                  instant(rs, "last_at"),
                  apiSource(rs.getString("source"), componentType != null, system != null),
                  rs.getInt("count"));
            })
        .list();
  }

  @Override
  public Optional<Views.Result> result(AlarmId id) {
    return jdbc.sql(
            "select verdict, cause, result_by, result_at, result_notes from alarm where id = ?"
                + " and verdict is not null")
        .param(id.value())
        .query(
            (rs, i) ->
                new Views.Result(
                    Verdict.valueOf(rs.getString("verdict")),
                    enumOf(FalseAlarmCause.class, rs.getString("cause")),
                    rs.getString("result_by"),
                    instant(rs, "result_at"),
                    rs.getString("result_notes")))
        .optional();
  }

  @Override
  public Optional<String> firstPointKey(AlarmId id) {
    return jdbc.sql("select first_point_key from alarm where id = ?")
        .param(id.value())
        .query(String.class)
        .optional();
  }

  @Override
  public List<Views.CallView> calls(AlarmId id) {
    return jdbc.sql("select * from alarm_call where alarm_id = ? order by at, id")
        .param(id.value())
        .query(
            (rs, i) ->
                new Views.CallView(
                    instant(rs, "at"),
                    rs.getString("by_user"),
                    rs.getString("contact_name"),
                    rs.getString("phone"),
                    CallOutcome.valueOf(rs.getString("outcome")),
                    rs.getString("note")))
        .list();
  }

  @Override
  public List<Views.TimelineEntryView> timeline(AlarmId id) {
    return jdbc.sql("select * from alarm_timeline where alarm_id = ? order by at, id")
        .param(id.value())
        .query(
            (rs, i) ->
                new Views.TimelineEntryView(
                    instant(rs, "at"),
                    rs.getString("actor"),
                    TimelineKind.valueOf(rs.getString("kind")),
                    rs.getString("detail")))
        .list();
  }

  @Override
  public Views.FalseAlarmRate falseAlarmRate(
      OperatorId operator, UnitId unit, String firstPointKey) {
    Views.Rate point =
        firstPointKey == null
            ? new Views.Rate(0, 0)
            : jdbc.sql(
                    "select count(distinct a.id), count(distinct a.id) filter (where a.verdict ="
                        + " 'FALSE_ALARM') from alarm_point p join alarm a on a.id = p.alarm_id"
                        + " and a.opened_at = p.opened_at where p.operator = ? and p.point_key ="
                        + " ?")
                .params(operator.value(), firstPointKey)
                .query((rs, i) -> new Views.Rate(rs.getLong(1), rs.getLong(2)))
                .single();
    Views.Rate ofUnit =
        unit == null
            ? new Views.Rate(0, 0)
            : jdbc.sql(
                    "select count(*), count(*) filter (where verdict = 'FALSE_ALARM') from alarm"
                        + " where operator = ? and unit_id = ?")
                .params(operator.value(), unit.value())
                .query((rs, i) -> new Views.Rate(rs.getLong(1), rs.getLong(2)))
                .single();
    return new Views.FalseAlarmRate(point, ofUnit);
  }

  @Override
  public FloodCount flood(OperatorId operator, Instant since) {
    return jdbc.sql(
            "select count(distinct alarm_id), count(distinct unit_id), count(*) from alarm_point"
                + " where operator = ? and received_last_at >= ?")
        .params(operator.value(), ts(since))
        .query((rs, i) -> new FloodCount(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
        .single();
  }

  @Override
  public List<String> floodingUnits(OperatorId operator, Instant since, int points) {
    return jdbc.sql(
            "select unit_id from alarm_point where operator = ? and received_last_at >= ? and"
                + " unit_id is not null group by unit_id having count(*) > ?")
        .params(operator.value(), ts(since), points)
        .query(String.class)
        .list();
  }

  @Override
  public Views.HistoryPage history(HistoryQuery q) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where true");
    if (q.operator() != null) {
      where.append(" and a.operator = ?");
      params.add(q.operator().value());
    }
    if (q.unit() != null) {
      where.append(" and a.unit_id = ?");
      params.add(q.unit().value());
    }
    if (q.state() != null) {
      where.append(" and a.state = ?");
      params.add(q.state().name());
    }
    if (q.verdict() != null) {
      where.append(" and a.verdict = ?");
      params.add(q.verdict().name());
    }
    if (q.category() != null) {
      where.append(" and a.category = ?");
      params.add(q.category().name());
    }
    if (q.from() != null) {
      where.append(" and a.first_alert_at >= ?");
      params.add(ts(q.from()));
    }
    if (q.to() != null) {
      where.append(" and a.first_alert_at < ?");
      params.add(ts(q.to()));
    }
    long total =
        jdbc.sql("select count(*) from alarm a" + where).params(params).query(Long.class).single();
    List<Object> paged = new ArrayList<>(params);
    paged.add(q.size());
    paged.add((long) q.page() * q.size());
    List<Views.AlarmCard> items =
        jdbc.sql(CARD + where + " order by a.first_alert_at desc, a.id limit ? offset ?")
            .params(paged)
            .query(CARD_MAPPER)
            .list();
    return new Views.HistoryPage(items, q.page(), q.size(), total);
  }

  @Override
  public Views.FalseAlarmStatistics statistics(
      OperatorId operator, UnitId unit, Instant from, Instant to) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where a.unit_id is not null");
    if (operator != null) {
      where.append(" and a.operator = ?");
      params.add(operator.value());
    }
    if (unit != null) {
      where.append(" and a.unit_id = ?");
      params.add(unit.value());
    }
    if (from != null) {
      where.append(" and a.first_alert_at >= ?");
      params.add(ts(from));
    }
    if (to != null) {
      where.append(" and a.first_alert_at < ?");
      params.add(ts(to));
    }
    List<Views.UnitStatistics> units =
        jdbc.sql(
                "select a.unit_id, max(u.name) as unit_name, count(*) as alarms, count(*) filter"
                    + " (where a.verdict = 'FALSE_ALARM') as false_alarms, count(*) filter (where"
                    + " a.verdict = 'TEST') as tests, count(*) filter (where a.verdict ="
                    + " 'TRUE_FIRE') as true_fires from alarm a left join unit_snapshot u on"
                    + " u.operator = a.operator and u.unit_id = a.unit_id"
                    + where
                    + " group by a.unit_id order by false_alarms desc, alarms desc, a.unit_id"
                    + " limit 500")
            .params(params)
            .query(
                (rs, i) ->
                    new Views.UnitStatistics(
                        rs.getString("unit_id"),
                        rs.getString("unit_name"),
                        rs.getLong("alarms"),
                        rs.getLong("false_alarms"),
                        rs.getLong("tests"),
                        rs.getLong("true_fires"),
                        rate(rs.getLong("false_alarms"), rs.getLong("alarms"))))
            .list();
    List<Views.PointStatistics> points =
        jdbc.sql(
                "select p.unit_id, p.device, p.system_type, p.system_address,"
                    + " p.component_address, max(p.location) as location, count(distinct a.id) as"
                    + " alarms, count(distinct a.id) filter (where a.verdict = 'FALSE_ALARM') as"
                    + " false_alarms from alarm_point p join alarm a on a.id = p.alarm_id and"
                    + " a.opened_at = p.opened_at"
                    + where
                    + " group by p.unit_id, p.device, p.system_type, p.system_address,"
                    + " p.component_address order by false_alarms desc, alarms desc limit 500")
            .params(params)
            .query(
                (rs, i) -> {
                  Integer system = integer(rs, "system_type");
                  Long component = bigint(rs, "component_address");
                  return new Views.PointStatistics(
                      rs.getString("unit_id"),
                      rs.getString("device"),
                      system,
                      system == null
                          ? null
                          : rs.getInt("system_address")
                              + (component == null ? "" : "-" + component),
                      rs.getString("location"),
                      rs.getLong("alarms"),
                      rs.getLong("false_alarms"),
                      rate(rs.getLong("false_alarms"), rs.getLong("alarms")));
                })
            .list();
    return new Views.FalseAlarmStatistics(units, points);
  }

  // ------------------------------------------------------------------ mapping

  private static double rate(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 1000.0;
  }

  /** The point source as the API names it. */
  private static String apiSource(String source, boolean component, boolean system) {
    if (source == null) {
      return component ? "COMPONENT" : system ? "SYSTEM" : "UITD_STATE";
    }
    return switch (FireAlarmSource.valueOf(source)) {
      case COMPONENT_STATE -> "COMPONENT";
      case SYSTEM_STATE, FACILITY_MANUAL_ALARM -> "SYSTEM";
      case UITD_MANUAL_ALARM -> "UITD_MANUAL";
      case UITD_STATE -> "UITD_STATE";
    };
  }

  private static PointRef pointRef(ResultSet rs) throws SQLException {
    Integer system = integer(rs, "system_type");
    if (system == null) {
      return null;
    }
    Integer componentType = integer(rs, "component_type");
    return new PointRef(
        system, rs.getInt("system_address"), componentType, bigint(rs, "component_address"));
  }

  private static final RowMapper<Alarm> ALARM =
      (rs, i) ->
          Alarm.restore(
              new AlarmRecord(
                  new AlarmId(rs.getObject("id", UUID.class)),
                  instant(rs, "opened_at"),
                  OperatorId.of(rs.getString("operator")),
                  rs.getString("unit_id") == null ? null : UnitId.of(rs.getString("unit_id")),
                  DeviceAddress.of(rs.getString("device")),
                  rs.getString("group_key"),
                  AlarmCategory.valueOf(rs.getString("category")),
                  rs.getBoolean("human_initiated"),
                  rs.getBoolean("maintenance_window"),
                  AlarmState.valueOf(rs.getString("state")),
                  instant(rs, "first_alert_at"),
                  instant(rs, "last_point_at"),
                  rs.getInt("point_count"),
                  rs.getString("first_signal_id"),
                  enumOf(FireAlarmSource.class, rs.getString("first_source")),
                  rs.getString("first_point_key"),
                  rs.getString("claimed_by"),
                  instant(rs, "claimed_at"),
                  instant(rs, "last_activity_at"),
                  rs.getInt("escalation_level"),
                  rs.getBoolean("forwarded_unconfirmed"),
                  instant(rs, "next_check_at"),
                  enumOf(Verdict.class, rs.getString("verdict")),
                  enumOf(FalseAlarmCause.class, rs.getString("cause")),
                  rs.getString("result_by"),
                  instant(rs, "result_at"),
                  rs.getString("result_notes"),
                  new AlarmRecord.FireDetails(
                      rs.getString("fire_location"),
                      rs.getString("burning_material"),
                      rs.getString("fire_size"),
                      rs.getString("caller"),
                      rs.getString("caller_phone"))));

  private static final RowMapper<Views.AlarmCard> CARD_MAPPER =
      (rs, i) -> {
        Integer componentType = integer(rs, "first_component_type");
        return new Views.AlarmCard(
            rs.getObject("id", UUID.class),
            rs.getString("operator"),
            rs.getString("unit_id"),
            rs.getString("unit_name"),
            rs.getString("unit_address"),
            AlarmCategory.valueOf(rs.getString("category")),
            rs.getBoolean("human_initiated"),
            rs.getBoolean("maintenance_window"),
            AlarmState.valueOf(rs.getString("state")),
            instant(rs, "first_alert_at"),
            instant(rs, "last_point_at"),
            rs.getInt("point_count"),
            rs.getString("first_location"),
            componentType == null ? null : ComponentType.of(componentType).label(),
            rs.getString("device"),
            rs.getString("claimed_by"),
            instant(rs, "claimed_at"),
            rs.getInt("escalation_level"),
            false,
            rs.getBoolean("forwarded_unconfirmed"),
            rs.getString("unit_id") == null);
      };
}
