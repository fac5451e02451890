package io.fenghuo.inspection.inspection.persistence;

import static io.fenghuo.inspection.inspection.persistence.Sql.ts;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.AnalogReading;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.signal.StatusSource;
import io.fenghuo.inspection.inspection.Board;
import io.fenghuo.inspection.inspection.ObjectKey;
import io.fenghuo.inspection.inspection.PointState;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The board in {@code point_state}, its history in {@code status_history}. */
@Component
class JdbcBoard implements Board {

  /** The alarm-like conditions a reset clears; faults and disables stay. */
  private static final String TRANSIENT =
      "('FIRE_ALARM','SUPERVISORY','STARTED','FEEDBACK','DELAY')";

  private final JdbcClient jdbc;

  JdbcBoard(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Set<StateFlag>> putUnlessOlder(
      OperatorId operator, UnitId unit, PointState s, String signalId, Instant now) {
    Object[] p = Sql.pointColumns(s.point());
    String flags = Sql.flags(s.flags());
    String unitId = unit == null ? null : unit.value();
    // One round trip: the held conditions (read before the change), the conditional upsert (a held
    // state received later wins) and, only if it applied, the history row.
    return jdbc.sql(
            "with held as (select flags from point_state where operator = ? and device = ? and"
                + " object_key = ?), put as (insert into point_state (operator, device,"
                + " object_key, unit_id, source, system_type, system_address, component_type,"
                + " component_address, flags, raw_state, description, occurred_at, received_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict"
                + " (operator, device, object_key) do update set unit_id = excluded.unit_id,"
                + " source = excluded.source, flags = excluded.flags, raw_state ="
                + " excluded.raw_state, description = excluded.description, occurred_at ="
                + " excluded.occurred_at, received_at = excluded.received_at, updated_at ="
                + " excluded.updated_at where point_state.received_at <= excluded.received_at"
                + " returning 1), history as (insert into status_history (received_at, operator,"
                + " unit_id, device, object_key, entry, flags, raw_state, detail, occurred_at,"
                + " recorded_at, signal_id) select ?::timestamptz, ?::text, ?::text, ?::text,"
                + " ?::text, 'STATE', ?::text, ?::integer, ?::text, ?::timestamptz,"
                + " ?::timestamptz, ?::text from put) select (select count(*) from put) applied,"
                + " (select flags from held) held")
        .params(
            operator.value(),
            s.device().toString(),
            s.objectKey(),
            operator.value(),
            s.device().toString(),
            s.objectKey(),
            unitId,
            s.source().name(),
            p[0],
            p[1],
            p[2],
            p[3],
            flags,
            s.rawState(),
            s.description(),
            ts(s.occurredAt()),
            ts(s.receivedAt()),
            ts(now),
            ts(s.receivedAt()),
            operator.value(),
            unitId,
            s.device().toString(),
            s.objectKey(),
            flags,
            s.rawState(),
            s.description(),
            ts(s.occurredAt()),
            ts(now),
            signalId)
        .query(
            (rs, row) ->
                rs.getLong("applied") == 0
                    ? Optional.<Set<StateFlag>>empty()
                    : Optional.of(Sql.flags(rs.getString("held"))))
        .single();
  }

  @Override
  public void analog(
      OperatorId operator,
      UnitId unit,
      DeviceAddress device,
      PointRef point,
      AnalogReading reading,
      Instant receivedAt,
      String signalId,
      Instant now) {
    Object[] p = Sql.pointColumns(point);
    String key = ObjectKey.of(point);
    jdbc.sql(
            "insert into point_state (operator, device, object_key, unit_id, source, system_type,"
                + " system_address, component_type, component_address, flags, raw_state,"
                + " received_at, updated_at, analog_type, analog_value, analog_unit, analog_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, to_timestamp(0), ?, ?, ?, ?, ?)"
                + " on conflict (operator, device, object_key) do update set analog_type ="
                + " excluded.analog_type, analog_value = excluded.analog_value, analog_unit ="
                + " excluded.analog_unit, analog_at = excluded.analog_at, updated_at ="
                + " excluded.updated_at")
        .params(
            operator.value(),
            device.toString(),
            key,
            unit == null ? null : unit.value(),
            (point.componentType() == null ? StatusSource.SYSTEM : StatusSource.COMPONENT).name(),
            p[0],
            p[1],
            p[2],
            p[3],
            ts(now),
            reading.analogType(),
            reading.value(),
            reading.unit(),
            ts(receivedAt))
        .update();
    history(
        operator,
        unit,
        device,
        key,
        "ANALOG",
        null,
        reading.raw(),
        reading.value() == null
            ? "raw " + reading.raw()
            : reading.value().toPlainString()
                + (reading.unit() == null ? "" : " " + reading.unit()),
        null,
        receivedAt,
        signalId,
        now);
  }

  @Override
  public void operation(
      OperatorId operator,
      UnitId unit,
      DeviceAddress device,
      PointRef system,
      boolean reset,
      String detail,
      Instant receivedAt,
      String signalId,
      Instant now) {
    if (reset) {
      String scope = system == null ? "" : " and (object_key = ? or object_key like ?)";
      var statement =
          jdbc.sql(
                  "update point_state set flags = coalesce((select string_agg(f, ',' order by f)"
                      + " from unnest(string_to_array(flags, ',')) f where f not in "
                      + TRANSIENT
                      + "), ''), updated_at = ? where operator = ? and device = ?"
                      + scope)
              .param(ts(now))
              .param(operator.value())
              .param(device.toString());
      if (system != null) {
        statement =
            statement.param(ObjectKey.of(system)).param(ObjectKey.componentsOf(system) + "%");
      }
      statement.update();
    }
    history(
        operator,
        unit,
        device,
        system == null ? ObjectKey.UITD : ObjectKey.of(system),
        reset ? "RESET" : "OPERATION",
        null,
        null,
        detail,
        null,
        receivedAt,
        signalId,
        now);
  }

  private void history(
      OperatorId operator,
      UnitId unit,
      DeviceAddress device,
      String key,
      String entry,
      String flags,
      Integer rawState,
      String detail,
      Instant occurredAt,
      Instant receivedAt,
      String signalId,
      Instant now) {
    jdbc.sql(
            "insert into status_history (received_at, operator, unit_id, device, object_key, entry,"
                + " flags, raw_state, detail, occurred_at, recorded_at, signal_id) values (?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            ts(receivedAt),
            operator.value(),
            unit == null ? null : unit.value(),
            device.toString(),
            key,
            entry,
            flags,
            rawState,
            detail,
            ts(occurredAt),
            ts(now),
            signalId)
        .update();
  }
}
