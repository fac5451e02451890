package io.fenghuo.inspection.inspection.persistence;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.kafka.EventJson;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.inspection.inspection.UnitDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The unit read model in tables {@code unit_snapshot} and {@code unit_device}. */
@Component
class JdbcUnitDirectory implements UnitDirectory {

  private static final int CACHE = 20_000;

  private final JdbcClient jdbc;
  private final Map<String, UnitArchiveChanged> parsed = new ConcurrentHashMap<>();

  JdbcUnitDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<UnitArchiveChanged> unitOfDevice(OperatorId operator, DeviceAddress device) {
    // The snapshot (with all points of the unit) is parsed once per version.
    Optional<Object[]> held =
        jdbc.sql(
                "select s.unit_id, s.version from unit_device d join unit_snapshot s"
                    + " on s.operator = d.operator and s.unit_id = d.unit_id"
                    + " where d.operator = ? and d.device = ?")
            .params(operator.value(), device.toString())
            .query((rs, row) -> new Object[] {rs.getString(1), rs.getLong(2)})
            .optional();
    if (held.isEmpty()) {
      return Optional.empty();
    }
    return unit(operator, UnitId.of((String) held.get()[0]), (Long) held.get()[1]);
  }

  @Override
  public Optional<UnitArchiveChanged> unit(OperatorId operator, UnitId unitId, long version) {
    String key = operator.value() + "/" + unitId.value();
    UnitArchiveChanged cached = parsed.get(key);
    if (cached != null && cached.version() == version) {
      return Optional.of(cached);
    }
    Optional<UnitArchiveChanged> unit = unit(operator, unitId);
    if (parsed.size() > CACHE) {
      parsed.clear();
    }
    unit.ifPresent(u -> parsed.put(key, u));
    return unit;
  }

  @Override
  public Optional<UnitArchiveChanged> unit(OperatorId operator, UnitId unit) {
    return jdbc.sql("select data::text from unit_snapshot where operator = ? and unit_id = ?")
        .params(operator.value(), unit.value())
        .query(String.class)
        .optional()
        .map(JdbcUnitDirectory::read);
  }

  @Override
  public Optional<OperatorId> operatorOf(UnitId unit) {
    return jdbc.sql("select operator from unit_snapshot where unit_id = ? limit 1")
        .param(unit.value())
        .query(String.class)
        .optional()
        .map(OperatorId::of);
  }

  @Override
  public List<OwnedUnit> units(OperatorId operator, String district) {
    return jdbc.sql(
            "select operator, data::text from unit_snapshot where (cast(? as text) is null or"
                + " operator = ?) and (cast(? as text) is null or district = ?) order by"
                + " operator, unit_id")
        .params(
            operator == null ? null : operator.value(),
            operator == null ? null : operator.value(),
            district,
            district)
        .query((rs, row) -> new OwnedUnit(OperatorId.of(rs.getString(1)), read(rs.getString(2))))
        .list();
  }

  @Override
  public boolean apply(OperatorId operator, UnitArchiveChanged s) {
    int changed =
        jdbc.sql(
                "insert into unit_snapshot (operator, unit_id, version, name, district, data)"
                    + " values (?, ?, ?, ?, ?, ?::jsonb) on conflict (operator, unit_id) do update"
                    + " set version = excluded.version, name = excluded.name, district ="
                    + " excluded.district, data = excluded.data where unit_snapshot.version <="
                    + " excluded.version")
            .params(
                operator.value(),
                s.unitId().value(),
                s.version(),
                s.name(),
                s.districtCode(),
                EventJson.mapper().writeValueAsString(s))
            .update();
    if (changed == 0) {
      return false; // an older snapshot than the one held
    }
    jdbc.sql("delete from unit_device where operator = ? and unit_id = ?")
        .params(operator.value(), s.unitId().value())
        .update();
    for (UnitArchiveChanged.DeviceBinding d : s.devices()) {
      jdbc.sql(
              "insert into unit_device (operator, device, unit_id) values (?, ?, ?)"
                  + " on conflict (operator, device) do update set unit_id = excluded.unit_id")
          .params(operator.value(), d.device().toString(), s.unitId().value())
          .update();
    }
    return true;
  }

  @Override
  public void remove(OperatorId operator, UnitId unit) {
    jdbc.sql("delete from unit_device where operator = ? and unit_id = ?")
        .params(operator.value(), unit.value())
        .update();
    jdbc.sql("delete from unit_snapshot where operator = ? and unit_id = ?")
        .params(operator.value(), unit.value())
        .update();
  }

  private static UnitArchiveChanged read(String json) {
    return EventJson.mapper().readValue(json, UnitArchiveChanged.class);
  }
}
