package io.fenghuo.inspection.inspection.persistence;

import static io.fenghuo.inspection.inspection.persistence.Sql.bigint;
import static io.fenghuo.inspection.inspection.persistence.Sql.instant;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.DisconnectReason;
import io.fenghuo.inspection.inspection.Liveness;
import io.fenghuo.inspection.inspection.Uitd;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a {@code device} row. */
final class UitdRows {

  static final String COLUMNS =
      "operator, device, unit_id, liveness, last_seen_at, connected, disconnected_at,"
          + " disconnect_reason, offline_due_at, offline_since, clock_drift_ms, clock_drift_at,"
          + " clock_sync_requested_at, last_poll_at, next_poll_at";

  private UitdRows() {}

  static Uitd read(ResultSet rs, int row) throws SQLException {
    String unit = rs.getString("unit_id");
    boolean connected = rs.getBoolean("connected");
    Boolean connectedValue = rs.wasNull() ? null : connected;
    return new Uitd(
        OperatorId.of(rs.getString("operator")),
        DeviceAddress.of(rs.getString("device")),
        unit == null ? null : UnitId.of(unit),
        Liveness.valueOf(rs.getString("liveness")),
        instant(rs, "last_seen_at"),
        connectedValue,
        instant(rs, "disconnected_at"),
        Sql.enumOf(DisconnectReason.class, rs.getString("disconnect_reason")),
        instant(rs, "offline_due_at"),
        instant(rs, "offline_since"),
        bigint(rs, "clock_drift_ms"),
        instant(rs, "clock_drift_at"),
        instant(rs, "clock_sync_requested_at"),
        instant(rs, "last_poll_at"),
        instant(rs, "next_poll_at"));
  }
}
