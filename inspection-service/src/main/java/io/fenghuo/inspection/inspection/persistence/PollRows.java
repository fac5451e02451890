package io.fenghuo.inspection.inspection.persistence;

import static io.fenghuo.inspection.inspection.persistence.Sql.instant;
import static io.fenghuo.inspection.inspection.persistence.Sql.integer;

import io.fenghuo.contracts.command.CommandKind;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.inspection.inspection.PollRecord;
import io.fenghuo.inspection.inspection.PollTrigger;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a {@code poll} row. */
final class PollRows {

  static final String COLUMNS =
      "command_id, requested_at, operator, unit_id, device, kind, trigger, requested_by,"
          + " system_type, system_address, due_by, completed_at, outcome, attempts, detail";

  private PollRows() {}

  static PollRecord read(ResultSet rs, int row) throws SQLException {
    String unit = rs.getString("unit_id");
    return new PollRecord(
        rs.getString("command_id"),
        instant(rs, "requested_at"),
        OperatorId.of(rs.getString("operator")),
        unit == null ? null : UnitId.of(unit),
        DeviceAddress.of(rs.getString("device")),
        CommandKind.valueOf(rs.getString("kind")),
        PollTrigger.valueOf(rs.getString("trigger")),
        rs.getString("requested_by"),
        integer(rs, "system_type"),
        integer(rs, "system_address"),
        instant(rs, "due_by"),
        instant(rs, "completed_at"),
        rs.getString("outcome"),
        integer(rs, "attempts"),
        rs.getString("detail"));
  }
}
