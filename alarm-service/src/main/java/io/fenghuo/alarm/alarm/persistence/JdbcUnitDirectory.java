package io.fenghuo.alarm.alarm.persistence;

import io.fenghuo.alarm.alarm.UnitDirectory;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.kafka.EventJson;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The unit read model in tables {@code unit_snapshot} and {@code unit_device}. */
@Component
class JdbcUnitDirectory implements UnitDirectory {

  private final JdbcClient jdbc;

  JdbcUnitDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<UnitArchiveChanged> unitOfDevice(OperatorId operator, DeviceAddress device) {
    return jdbc.sql(
            "select s.data::text from unit_device d join unit_snapshot s"
                + " on s.operator = d.operator and s.unit_id = d.unit_id"
                + " where d.operator = ? and d.device = ?")
        .params(operator.value(), device.toString())
        .query(String.class)
        .optional()
        .map(JdbcUnitDirectory::read);
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
  public boolean apply(OperatorId operator, UnitArchiveChanged s) {
    int changed =
        jdbc.sql(
                "insert into unit_snapshot (operator, unit_id, version, name, category, address,"
                    + " district, latitude, longitude, data) values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?::jsonb) on conflict (operator, unit_id) do update set version ="
                    + " excluded.version, name = excluded.name, category = excluded.category,"
                    + " address = excluded.address, district = excluded.district, latitude ="
                    + " excluded.latitude, longitude = excluded.longitude, data = excluded.data"
                    + " where unit_snapshot.version <= excluded.version")
            .params(
                operator.value(),
                s.unitId().value(),
                s.version(),
                s.name(),
                s.category().name(),
                s.address(),
                s.districtCode(),
                s.coordinates() == null ? null : s.coordinates().latitude(),
                s.coordinates() == null ? null : s.coordinates().longitude(),
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
