package io.fenghuo.dispatch.incident.persistence;

import io.fenghuo.contracts.alarm.ConfirmationMethod;
import io.fenghuo.contracts.alarm.EscalationReason;
import io.fenghuo.contracts.alarm.FireReport;
import io.fenghuo.contracts.dispatch.ForwardPath;
import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.kafka.EventJson;
import io.fenghuo.dispatch.incident.Access;
import io.fenghuo.dispatch.incident.Incident;
import io.fenghuo.dispatch.incident.IncidentQuery;
import io.fenghuo.dispatch.incident.IncidentStatus;
import io.fenghuo.dispatch.incident.Incidents;
import io.fenghuo.dispatch.incident.Page;
import io.fenghuo.dispatch.incident.TimelineEntry;
import io.fenghuo.dispatch.incident.TimelineKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Incidents and timelines in PostgreSQL (schema {@code dispatch}), with plain SQL. */
@Component
class JdbcIncidents implements Incidents {

  private static final String COLUMNS =
      "id, alarm_id, operator_id, unit_id, confirmed, revision, attempt, status,"
          + " human_initiated, first_alert_at, confirmed_at, confirmed_by, method,"
          + " unconfirmed_reason, notes, report::text as report, decided_at, received_at,"
          + " created_at, first_sent_at, published_at, acknowledged_at, ack_deadline,"
          + " escalated_at, confirm_to_publish_ms, publish_to_receipt_ms";

  private final JdbcClient jdbc;

  JdbcIncidents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Incident> lock(IncidentId id) {
    return jdbc.sql("select " + COLUMNS + " from incident where id = ? for update")
        .param(id.value())
        .query(JdbcIncidents::incident)
        .optional();
  }

  @Override
  public Optional<Incident> find(IncidentId id) {
    return jdbc.sql("select " + COLUMNS + " from incident where id = ?")
        .param(id.value())
        .query(JdbcIncidents::incident)
        .optional();
  }

  @Override
  public boolean insert(Incident i) {
    return jdbc.sql(
                "insert into incident (id, alarm_id, operator_id, unit_id, confirmed, revision,"
                    + " attempt, status, human_initiated, first_alert_at, confirmed_at,"
                    + " confirmed_by, method, unconfirmed_reason, notes, report, unit_name,"
                    + " decided_at, received_at, created_at, first_sent_at, published_at,"
                    + " acknowledged_at, ack_deadline, escalated_at, confirm_to_publish_ms,"
                    + " publish_to_receipt_ms, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                    + " on conflict do nothing")
            .params(
                i.id().value(),
                i.alarmId().value(),
                i.operator().value(),
                i.unit() == null ? null : i.unit().value(),
                i.confirmed(),
                i.revision(),
                i.attempt(),
                i.status().name(),
                i.humanInitiated(),
                ts(i.firstAlertAt()),
                ts(i.confirmedAt()),
                i.confirmedBy(),
                name(i.method()),
                name(i.unconfirmedReason()),
                i.notes(),
                EventJson.mapper().writeValueAsString(i.report()),
                i.report().unitName(),
                ts(i.decidedAt()),
                ts(i.receivedAt()),
                ts(i.createdAt()),
                ts(i.firstSentAt()),
                ts(i.publishedAt()),
                ts(i.acknowledgedAt()),
                ts(i.ackDeadline()),
                ts(i.escalatedAt()),
                i.confirmToPublishMillis(),
                i.publishToReceiptMillis())
            .update()
        == 1;
  }

  @Override
  public void update(Incident i) {
    jdbc.sql(
            "update incident set unit_id = ?, confirmed = ?, revision = ?, attempt = ?,"
                + " status = ?, confirmed_at = ?, confirmed_by = ?, method = ?,"
                + " unconfirmed_reason = ?, notes = ?, report = ?::jsonb, unit_name = ?,"
                + " decided_at = ?, received_at = ?, first_sent_at = ?, published_at = ?,"
                + " acknowledged_at = ?, ack_deadline = ?, escalated_at = ?,"
                + " confirm_to_publish_ms = ?, publish_to_receipt_ms = ?, updated_at = now()"
                + " where id = ?")
        .params(
            i.unit() == null ? null : i.unit().value(),
            i.confirmed(),
            i.revision(),
            i.attempt(),
            i.status().name(),
            ts(i.confirmedAt()),
            i.confirmedBy(),
            name(i.method()),
            name(i.unconfirmedReason()),
            i.notes(),
            EventJson.mapper().writeValueAsString(i.report()),
            i.report().unitName(),
            ts(i.decidedAt()),
            ts(i.receivedAt()),
            ts(i.firstSentAt()),
            ts(i.publishedAt()),
            ts(i.acknowledgedAt()),
            ts(i.ackDeadline()),
            ts(i.escalatedAt()),
            i.confirmToPublishMillis(),
            i.publishToReceiptMillis(),
            i.id().value())
        .update();
  }

  @Override
  public void log(IncidentId id, TimelineEntry e) {
    jdbc.sql(
            "insert into incident_log (incident_id, at, kind, path, revision, attempt, status,"
                + " actor, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id.value(),
            ts(e.at()),
            e.kind().name(),
            name(e.path()),
            e.revision(),
            e.attempt(),
            e.status(),
            e.actor(),
            e.detail())
        .update();
  }

  @Override
  public List<TimelineEntry> timeline(IncidentId id) {
    return jdbc.sql(
            "select at, kind, path, revision, attempt, status, actor, detail from incident_log"
                + " where incident_id = ? order by at, id")
        .param(id.value())
        .query(
            (rs, n) ->
                new TimelineEntry(
                    instant(rs, "at"),
                    TimelineKind.valueOf(rs.getString("kind")),
                    rs.getString("path") == null ? null : ForwardPath.valueOf(rs.getString("path")),
                    (Integer) rs.getObject("revision"),
                    (Integer) rs.getObject("attempt"),
                    rs.getString("status"),
                    rs.getString("actor"),
                    rs.getString("detail")))
        .list();
  }

  @Override
  public List<Incident> lockOverdue(Instant now, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from incident where ack_deadline is not null and ack_deadline <= ?"
                + " order by ack_deadline limit ? for update skip locked")
        .params(ts(now), limit)
        .query(JdbcIncidents::incident)
        .list();
  }

  @Override
  public Page<Incident> list(Access access, IncidentQuery q) {
    StringBuilder where = new StringBuilder(" where true");
    Map<String, Object> params = new LinkedHashMap<>();
    if (access.operatorScope() != null) {
      where.append(" and operator_id = :scope");
      params.put("scope", access.operatorScope().value());
    }
    if (q.operator() != null) {
      where.append(" and operator_id = :operator");
      params.put("operator", q.operator().value());
    }
    if (q.live()) {
      where.append(" and status not in ('CLOSED', 'WITHDRAWN')");
    }
    if (q.status() != null) {
      where.append(" and status = :status");
      params.put("status", q.status().name());
    }
    if (q.confirmed() != null) {
      where.append(" and confirmed = :confirmed");
      params.put("confirmed", q.confirmed());
    }
    if (q.escalated() != null) {
      where.append(q.escalated() ? " and escalated_at is not null" : " and escalated_at is null");
    }
    if (q.from() != null) {
      where.append(" and created_at >= :from");
      params.put("from", ts(q.from()));
    }
    if (q.to() != null) {
      where.append(" and created_at < :to");
      params.put("to", ts(q.to()));
    }
    if (q.text() != null) {
      where.append(
          " and (unit_name ilike :text or report->>'unitAddress' ilike :text"
              + " or unit_id ilike :text)");
      params.put("text", "%" + q.text().replace("%", "\\%").replace("_", "\\_") + "%");
    }
    long total =
        jdbc.sql("select count(*) from incident" + where).params(params).query(Long.class).single();
    String order =
        q.live()
            ? " order by (acknowledged_at is null) desc, created_at desc, id"
            : " order by created_at desc, id";
    Map<String, Object> pageParams = new LinkedHashMap<>(params);
    pageParams.put("limit", q.size());
    pageParams.put("offset", (long) q.page() * q.size());
    List<Incident> items =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from incident"
                    + where
                    + order
                    + " limit :limit offset :offset")
            .params(pageParams)
            .query(JdbcIncidents::incident)
            .list();
    return new Page<>(new ArrayList<>(items), q.page(), q.size(), total);
  }

  private static Incident incident(ResultSet rs, int row) throws SQLException {
    return new Incident(
        new IncidentId(rs.getObject("id", UUID.class)),
        new AlarmId(rs.getObject("alarm_id", UUID.class)),
        OperatorId.of(rs.getString("operator_id")),
        rs.getString("unit_id") == null ? null : UnitId.of(rs.getString("unit_id")),
        rs.getBoolean("confirmed"),
        rs.getInt("revision"),
        rs.getInt("attempt"),
        IncidentStatus.valueOf(rs.getString("status")),
        rs.getBoolean("human_initiated"),
        instant(rs, "first_alert_at"),
        instant(rs, "confirmed_at"),
        rs.getString("confirmed_by"),
        rs.getString("method") == null ? null : ConfirmationMethod.valueOf(rs.getString("method")),
        rs.getString("unconfirmed_reason") == null
            ? null
            : EscalationReason.valueOf(rs.getString("unconfirmed_reason")),
        rs.getString("notes"),
        EventJson.mapper().readValue(rs.getString("report"), FireReport.class),
        instant(rs, "decided_at"),
        instant(rs, "received_at"),
        instant(rs, "created_at"),
        instant(rs, "first_sent_at"),
        instant(rs, "published_at"),
        instant(rs, "acknowledged_at"),
        instant(rs, "ack_deadline"),
        instant(rs, "escalated_at"),
        (Long) rs.getObject("confirm_to_publish_ms"),
        (Long) rs.getObject("publish_to_receipt_ms"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
