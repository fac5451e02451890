package io.fenghuo.alarm.alarm.persistence;

import static io.fenghuo.alarm.alarm.persistence.Sql.instant;
import static io.fenghuo.alarm.alarm.persistence.Sql.ts;

import io.fenghuo.alarm.alarm.Policy;
import io.fenghuo.alarm.alarm.Settings;
import io.fenghuo.alarm.alarm.Views;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.kafka.EventJson;
import io.fenghuo.contracts.unit.UnitCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** Policies, action plans and maintenance windows in their tables. */
@Component
class JdbcSettings implements Settings {

  private static final TypeReference<List<String>> STEPS = new TypeReference<>() {};

  private final JdbcClient jdbc;

  JdbcSettings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Policy> policy(OperatorId operator) {
    return jdbc.sql("select * from alarm_policy where operator = ?")
        .param(operator.value())
        .query(
            (rs, i) ->
                new Policy(
                    Duration.ofMillis(rs.getLong("unclaimed_after_ms")),
                    Duration.ofMillis(rs.getLong("unconfirmed_after_ms")),
                    Duration.ofMillis(rs.getLong("claim_idle_timeout_ms")),
                    rs.getBoolean("forward_unconfirmed_to_119"),
                    Duration.ofMillis(rs.getLong("grouping_window_ms")),
                    rs.getInt("flood_points"),
                    Duration.ofMillis(rs.getLong("flood_window_ms"))))
        .optional();
  }

  @Override
  public void savePolicy(OperatorId operator, Policy p, String user, Instant now) {
    jdbc.sql(
            "insert into alarm_policy values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (operator)"
                + " do update set unclaimed_after_ms = excluded.unclaimed_after_ms,"
                + " unconfirmed_after_ms = excluded.unconfirmed_after_ms, claim_idle_timeout_ms ="
                + " excluded.claim_idle_timeout_ms, forward_unconfirmed_to_119 ="
                + " excluded.forward_unconfirmed_to_119, grouping_window_ms ="
                + " excluded.grouping_window_ms, flood_points = excluded.flood_points,"
                + " flood_window_ms = excluded.flood_window_ms, updated_by = excluded.updated_by,"
                + " updated_at = excluded.updated_at")
        .params(
            operator.value(),
            p.unclaimedAfter().toMillis(),
            p.unconfirmedAfter().toMillis(),
            p.claimIdleTimeout().toMillis(),
            p.forwardUnconfirmedTo119(),
            p.groupingWindow().toMillis(),
            p.floodPoints(),
            p.floodWindow().toMillis(),
            user,
            ts(now))
        .update();
  }

  @Override
  public Map<UnitCategory, List<String>> actionPlans(OperatorId operator) {
    Map<UnitCategory, List<String>> plans = new EnumMap<>(UnitCategory.class);
    jdbc.sql("select unit_category, steps::text from action_plan where operator = ?")
        .param(operator.value())
        .query(
            (rs, i) ->
                plans.put(
                    UnitCategory.valueOf(rs.getString(1)),
                    EventJson.mapper().readValue(rs.getString(2), STEPS)))
        .list();
    return plans;
  }

  @Override
  public void saveActionPlan(
      OperatorId operator, UnitCategory category, List<String> steps, String user, Instant now) {
    jdbc.sql(
            "insert into action_plan values (?, ?, ?::jsonb, ?, ?) on conflict (operator,"
                + " unit_category) do update set steps = excluded.steps, updated_by ="
                + " excluded.updated_by, updated_at = excluded.updated_at")
        .params(
            operator.value(),
            category.name(),
            EventJson.mapper().writeValueAsString(steps),
            user,
            ts(now))
        .update();
  }

  @Override
  public List<Views.MaintenanceWindowView> maintenanceWindows(OperatorId operator, UnitId unit) {
    return jdbc.sql(
            "select * from maintenance_window where operator = ? and unit_id = ? order by from_at")
        .params(operator.value(), unit.value())
        .query(
            (rs, i) ->
                new Views.MaintenanceWindowView(
                    rs.getObject("id", UUID.class),
                    rs.getString("unit_id"),
                    instant(rs, "from_at"),
                    instant(rs, "to_at"),
                    rs.getString("reason"),
                    rs.getString("created_by")))
        .list();
  }

  @Override
  public void addMaintenanceWindow(
      OperatorId operator, UnitId unit, Views.MaintenanceWindowView w, Instant now) {
    jdbc.sql("insert into maintenance_window values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            w.id(),
            operator.value(),
            unit.value(),
            ts(w.from()),
            ts(w.to()),
            w.reason(),
            w.createdBy(),
            ts(now))
        .update();
  }

  @Override
  public boolean deleteMaintenanceWindow(OperatorId operator, UnitId unit, UUID id) {
    return jdbc.sql("delete from maintenance_window where operator = ? and unit_id = ? and id = ?")
            .params(operator.value(), unit.value(), id)
            .update()
        > 0;
  }

  @Override
  public boolean inMaintenanceWindow(OperatorId operator, UnitId unit, Instant at) {
    return jdbc.sql(
                "select count(*) from maintenance_window where operator = ? and unit_id = ?"
                    + " and from_at <= ? and to_at > ?")
            .params(operator.value(), unit.value(), ts(at), ts(at))
            .query(Long.class)
            .single()
        > 0;
  }
}
