package io.fenghuo.inspection.inspection.persistence;

import static io.fenghuo.inspection.inspection.persistence.Sql.ts;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.inspection.inspection.Policy;
import io.fenghuo.inspection.inspection.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Settings in {@code inspection_policy} and {@code unit_poll_period}. */
@Component
class JdbcSettings implements Settings {

  /**
   * Every signal needs its operator's policy: it is read at most once per this interval. A change
   * made through this instance applies at once; one made through another instance within it.
   */
  private static final long CACHE_NANOS = 2_000_000_000L;

  private final JdbcClient jdbc;
  private final Map<OperatorId, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Optional<Policy> policy, long loadedAt) {}

  JdbcSettings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Policy> policy(OperatorId operator) {
    Cached held = cache.get(operator);
    long now = System.nanoTime();
    if (held != null && now - held.loadedAt() < CACHE_NANOS) {
      return held.policy();
    }
    Optional<Policy> policy = load(operator);
    cache.put(operator, new Cached(policy, now));
    return policy;
  }

  private Optional<Policy> load(OperatorId operator) {
    return jdbc.sql(
            "select unit_manager_after_ms, supervisor_after_ms, disabled_limit,"
                + " heartbeat_window_ms, offline_tolerance_ms, poll_period_ms from"
                + " inspection_policy where operator = ?")
        .param(operator.value())
        .query(
            (rs, row) ->
                new Policy(
                    Duration.ofMillis(rs.getLong(1)),
                    Duration.ofMillis(rs.getLong(2)),
                    rs.getInt(3),
                    Duration.ofMillis(rs.getLong(4)),
                    Duration.ofMillis(rs.getLong(5)),
                    Duration.ofMillis(rs.getLong(6))))
        .optional();
  }

  @Override
  public void savePolicy(OperatorId operator, Policy p, String user, Instant now) {
    jdbc.sql(
            "insert into inspection_policy (operator, unit_manager_after_ms, supervisor_after_ms,"
                + " disabled_limit, heartbeat_window_ms, offline_tolerance_ms, poll_period_ms,"
                + " updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict"
                + " (operator) do update set unit_manager_after_ms ="
                + " excluded.unit_manager_after_ms, supervisor_after_ms ="
                + " excluded.supervisor_after_ms, disabled_limit = excluded.disabled_limit,"
                + " heartbeat_window_ms = excluded.heartbeat_window_ms, offline_tolerance_ms ="
                + " excluded.offline_tolerance_ms, poll_period_ms = excluded.poll_period_ms,"
                + " updated_by = excluded.updated_by, updated_at = excluded.updated_at")
        .params(
            operator.value(),
            p.unitManagerAfter().toMillis(),
            p.supervisorAfter().toMillis(),
            p.disabledLimit(),
            p.heartbeatWindow().toMillis(),
            p.offlineTolerance().toMillis(),
            p.pollPeriod().toMillis(),
            user,
            ts(now))
        .update();
    cache.put(operator, new Cached(Optional.of(p), System.nanoTime()));
  }

  @Override
  public Optional<Duration> unitPollPeriod(OperatorId operator, UnitId unit) {
    return jdbc.sql("select period_ms from unit_poll_period where operator = ? and unit_id = ?")
        .params(operator.value(), unit.value())
        .query(Long.class)
        .optional()
        .map(Duration::ofMillis);
  }

  @Override
  public void saveUnitPollPeriod(
      OperatorId operator, UnitId unit, Duration period, String user, Instant now) {
    if (period == null) {
      jdbc.sql("delete from unit_poll_period where operator = ? and unit_id = ?")
          .params(operator.value(), unit.value())
          .update();
      return;
    }
    jdbc.sql(
            "insert into unit_poll_period (operator, unit_id, period_ms, updated_by, updated_at)"
                + " values (?, ?, ?, ?, ?) on conflict (operator, unit_id) do update set"
                + " period_ms = excluded.period_ms, updated_by = excluded.updated_by, updated_at ="
                + " excluded.updated_at")
        .params(operator.value(), unit.value(), period.toMillis(), user, ts(now))
        .update();
  }
}
