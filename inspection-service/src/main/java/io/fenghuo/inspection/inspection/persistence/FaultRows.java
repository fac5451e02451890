package io.fenghuo.inspection.inspection.persistence;

import static io.fenghuo.inspection.inspection.persistence.Sql.instant;

import io.fenghuo.contracts.fault.FaultClosure;
import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.fault.FaultKind;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.inspection.inspection.FaultRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Reads a {@code fault} row. */
final class FaultRows {

  static final String COLUMNS =
      "id, operator, unit_id, device, kind, object_key, system_type, system_address,"
          + " component_type, component_address, location, description, assigned_company,"
          + " opened_at, open_signal_id, escalation_level, next_escalation_at, accepted_at,"
          + " accepted_by, repaired_at, repaired_by, repair_note, closed_at, closed_by,"
          + " close_signal_id";

  private FaultRows() {}

  static FaultRecord read(ResultSet rs, int row) throws SQLException {
    String unit = rs.getString("unit_id");
    return new FaultRecord(
        new FaultId(rs.getObject("id", UUID.class)),
        OperatorId.of(rs.getString("operator")),
        unit == null ? null : UnitId.of(unit),
        DeviceAddress.of(rs.getString("device")),
        FaultKind.valueOf(rs.getString("kind")),
        rs.getString("object_key"),
        Sql.point(rs),
        rs.getString("location"),
        rs.getString("description"),
        rs.getString("assigned_company"),
        instant(rs, "opened_at"),
        rs.getString("open_signal_id"),
        rs.getInt("escalation_level"),
        instant(rs, "next_escalation_at"),
        instant(rs, "accepted_at"),
        rs.getString("accepted_by"),
        instant(rs, "repaired_at"),
        rs.getString("repaired_by"),
        rs.getString("repair_note"),
        instant(rs, "closed_at"),
        Sql.enumOf(FaultClosure.class, rs.getString("closed_by")),
        rs.getString("close_signal_id"));
  }
}
