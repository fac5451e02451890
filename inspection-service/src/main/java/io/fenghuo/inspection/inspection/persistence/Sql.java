package io.fenghuo.inspection.inspection.persistence;

import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.signal.StateFlag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Small JDBC conversions. */
final class Sql {

  private Sql() {}

  static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  static Long bigint(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }

  static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  static String flags(Set<StateFlag> flags) {
    return flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  static Set<StateFlag> flags(String text) {
    Set<StateFlag> out = EnumSet.noneOf(StateFlag.class);
    if (text != null && !text.isBlank()) {
      for (String f : text.split(",")) {
        out.add(StateFlag.valueOf(f));
      }
    }
    return out;
  }

  /** The point of the system/component columns, or null when the system type is null. */
  static PointRef point(ResultSet rs) throws SQLException {
    Integer systemType = integer(rs, "system_type");
    if (systemType == null) {
      return null;
    }
    return new PointRef(
        systemType,
        rs.getInt("system_address"),
        integer(rs, "component_type"),
        bigint(rs, "component_address"));
  }

  static Object[] pointColumns(PointRef p) {
    return p == null
        ? new Object[] {null, null, null, null}
        : new Object[] {p.systemType(), p.systemAddress(), p.componentType(), p.componentAddress()};
  }
}
