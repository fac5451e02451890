package io.fenghuo.unit.archive.persistence;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.unit.UnitCategory;
import io.fenghuo.unit.archive.Access;
import io.fenghuo.unit.archive.Building;
import io.fenghuo.unit.archive.BuildingStructure;
import io.fenghuo.unit.archive.Contact;
import io.fenghuo.unit.archive.ContractPeriod;
import io.fenghuo.unit.archive.Coordinates;
import io.fenghuo.unit.archive.FacilitySystem;
import io.fenghuo.unit.archive.FireResistanceGrade;
import io.fenghuo.unit.archive.KeyPart;
import io.fenghuo.unit.archive.MaintenanceContract;
import io.fenghuo.unit.archive.Page;
import io.fenghuo.unit.archive.Person;
import io.fenghuo.unit.archive.Point;
import io.fenghuo.unit.archive.Uitd;
import io.fenghuo.unit.archive.Unit;
import io.fenghuo.unit.archive.UnitProfile;
import io.fenghuo.unit.archive.UnitQuery;
import io.fenghuo.unit.archive.Units;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The archive in PostgreSQL (schema {@code unit}, see {@code db/migration}). Visibility is part of
 * every unit query's {@code where} clause, never filtered afterwards.
 */
@Repository
class JdbcUnits implements Units {

  private static final String UNIT_COLUMNS =
      "id, operator_id, name, credit_code, category, district_code, address, latitude, longitude,"
          + " phone, control_room_phone, legal_rep_name, legal_rep_phone, responsible_name,"
          + " responsible_phone, manager_name, manager_phone, staff_count, floor_area,"
          + " operator_contract_from, operator_contract_to, maintenance_company, maintenance_phone,"
          + " maintenance_from, maintenance_to, version, updated_at";

  /** Tenant scope: null parameters mean "any". */
  private static final String VISIBLE =
      " (cast(:scopeOperator as text) is null or operator_id = :scopeOperator)"
          + " and (cast(:scopeUnit as text) is null or id = :scopeUnit) ";

  private final JdbcClient jdbc;

  JdbcUnits(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean exists(UnitId id) {
    return jdbc.sql("select count(*) from unit where id = ?")
            .param(id.value())
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public Unit insert(UnitId id, OperatorId operator, UnitProfile profile) {
    jdbc.sql(
            "insert into unit (id, operator_id, name, category, district_code, address) values (?, ?, ?, ?, ?, ?)")
        .params(
            id.value(),
            operator.value(),
            profile.name(),
            profile.category().name(),
            profile.districtCode(),
            profile.address())
        .update();
    writeProfile(id, profile);
    return find(Access.admin(), id).orElseThrow();
  }

  @Override
  public Optional<Unit> find(Access access, UnitId id) {
    if (!access.reads()) {
      return Optional.empty();
    }
    return jdbc.sql("select " + UNIT_COLUMNS + " from unit where id = :id and" + VISIBLE)
        .param("id", id.value())
        .params(scope(access))
        .query((rs, n) -> unit(rs))
        .optional()
        .map(this::withContacts);
  }

  @Override
  public Page<Unit> list(Access access, UnitQuery query) {
    if (!access.reads()) {
      return new Page<>(List.of(), query.page(), query.size(), 0);
    }
    String filter =
        " where"
            + VISIBLE
            + " and (cast(:category as text) is null or category = :category)"
            + " and (cast(:district as text) is null or district_code = :district)"
            + " and (cast(:text as text) is null or name like :text or address like :text)";
    Map<String, Object> params = new HashMap<>(scope(access));
    params.put("category", query.category() == null ? null : query.category().name());
    params.put("district", query.districtCode());
    params.put("text", query.text() == null ? null : "%" + escapeLike(query.text()) + "%");
    long total =
        jdbc.sql("select count(*) from unit" + filter).params(params).query(Long.class).single();
    params.put("limit", query.size());
    params.put("offset", (long) query.page() * query.size());
    List<Unit> items =
        jdbc
            .sql(
                "select "
                    + UNIT_COLUMNS
                    + " from unit"
                    + filter
                    + " order by id limit :limit offset :offset")
            .params(params)
            .query((rs, n) -> unit(rs))
            .list()
            .stream()
            .map(this::withContacts)
            .toList();
    return new Page<>(items, query.page(), query.size(), total);
  }

  @Override
  public void updateProfile(UnitId id, UnitProfile profile) {
    writeProfile(id, profile);
  }

  @Override
  public void delete(UnitId id) {
    // Systems reference devices without cascade (a device with systems must not be unbound), so
    // remove them before the unit's cascade reaches the devices.
    jdbc.sql("delete from facility_system where unit_id = ?").param(id.value()).update();
    jdbc.sql("delete from unit where id = ?").param(id.value()).update();
  }

  @Override
  public void touch(UnitId id) {
    jdbc.sql("update unit set version = version + 1, updated_at = now() where id = ?")
        .param(id.value())
        .update();
  }

  private void writeProfile(UnitId id, UnitProfile p) {
    Person legal = p.legalRepresentative();
    Person responsible = p.safetyResponsible();
    Person manager = p.safetyManager();
    ContractPeriod contract = p.operatorContract();
    MaintenanceContract maintenance = p.maintenance();
    Map<String, Object> params = new HashMap<>();
    params.put("id", id.value());
    params.put("name", p.name());
    params.put("creditCode", p.creditCode());
    params.put("category", p.category().name());
    params.put("district", p.districtCode());
    params.put("address", p.address());
    params.put("lat", p.coordinates() == null ? null : p.coordinates().latitude());
    params.put("lon", p.coordinates() == null ? null : p.coordinates().longitude());
    params.put("phone", p.phone());
    params.put("controlRoomPhone", p.controlRoomPhone());
    params.put("legalName", legal == null ? null : legal.name());
    params.put("legalPhone", legal == null ? null : legal.phone());
    params.put("responsibleName", responsible == null ? null : responsible.name());
    params.put("responsiblePhone", responsible == null ? null : responsible.phone());
    params.put("managerName", manager == null ? null : manager.name());
    params.put("managerPhone", manager == null ? null : manager.phone());
    params.put("staff", p.staffCount());
    params.put("area", p.floorArea());
    params.put("contractFrom", date(contract == null ? null : contract.from()));
    params.put("contractTo", date(contract == null ? null : contract.to()));
    params.put("mCompany", maintenance == null ? null : maintenance.company());
    params.put("mPhone", maintenance == null ? null : maintenance.phone());
    params.put("mFrom", date(maintenance == null ? null : maintenance.from()));
    params.put("mTo", date(maintenance == null ? null : maintenance.to()));
    jdbc.sql(
            """
            update unit set name = :name, credit_code = :creditCode, category = :category,
              district_code = :district, address = :address, latitude = :lat, longitude = :lon,
              phone = :phone, control_room_phone = :controlRoomPhone,
              legal_rep_name = :legalName, legal_rep_phone = :legalPhone,
              responsible_name = :responsibleName, responsible_phone = :responsiblePhone,
              manager_name = :managerName, manager_phone = :managerPhone,
              staff_count = :staff, floor_area = :area,
              operator_contract_from = :contractFrom, operator_contract_to = :contractTo,
              maintenance_company = :mCompany, maintenance_phone = :mPhone,
              maintenance_from = :mFrom, maintenance_to = :mTo
            where id = :id
            """)
        .params(params)
        .update();
    jdbc.sql("delete from unit_contact where unit_id = ?").param(id.value()).update();
    List<Contact> contacts = p.contacts();
    for (int i = 0; i < contacts.size(); i++) {
      Contact c = contacts.get(i);
      jdbc.sql(
              "insert into unit_contact (unit_id, position, name, role, phone) values (?, ?, ?, ?, ?)")
          .params(id.value(), i, c.name(), c.role(), c.phone())
          .update();
    }
  }

  private Unit withContacts(Unit unit) {
    List<Contact> contacts =
        jdbc.sql("select name, role, phone from unit_contact where unit_id = ? order by position")
            .param(unit.id().value())
            .query((rs, n) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
    UnitProfile p = unit.profile();
    return new Unit(
        unit.id(),
        unit.operator(),
        new UnitProfile(
            p.name(),
            p.creditCode(),
            p.category(),
            p.districtCode(),
            p.address(),
            p.coordinates(),
            p.phone(),
            p.controlRoomPhone(),
            p.legalRepresentative(),
            p.safetyResponsible(),
            p.safetyManager(),
            contacts,
            p.staffCount(),
            p.floorArea(),
            p.operatorContract(),
            p.maintenance()),
        unit.version(),
        unit.updatedAt());
  }

  private static Unit unit(ResultSet rs) throws SQLException {
    Double lat = (Double) rs.getObject("latitude");
    Double lon = (Double) rs.getObject("longitude");
    LocalDate cFrom = localDate(rs, "operator_contract_from");
    LocalDate cTo = localDate(rs, "operator_contract_to");
    String mCompany = rs.getString("maintenance_company");
    UnitProfile profile =
        new UnitProfile(
            rs.getString("name"),
            rs.getString("credit_code"),
            UnitCategory.valueOf(rs.getString("category")),
            rs.getString("district_code"),
            rs.getString("address"),
            lat == null ? null : new Coordinates(lat, lon),
            rs.getString("phone"),
            rs.getString("control_room_phone"),
            person(rs, "legal_rep"),
            person(rs, "responsible"),
            person(rs, "manager"),
            List.of(),
            (Integer) rs.getObject("staff_count"),
            rs.getBigDecimal("floor_area"),
            cFrom == null && cTo == null ? null : new ContractPeriod(cFrom, cTo),
            mCompany == null
                ? null
                : new MaintenanceContract(
                    mCompany,
                    rs.getString("maintenance_phone"),
                    localDate(rs, "maintenance_from"),
                    localDate(rs, "maintenance_to")));
    return new Unit(
        UnitId.of(rs.getString("id")),
        OperatorId.of(rs.getString("operator_id")),
        profile,
        rs.getLong("version"),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static Person person(ResultSet rs, String prefix) throws SQLException {
    String name = rs.getString(prefix + "_name");
    return name == null ? null : new Person(name, rs.getString(prefix + "_phone"));
  }

  // ---- buildings ----

  @Override
  public List<Building> buildings(UnitId unit) {
    return jdbc.sql(
            "select id, name, use, structure, fire_resistance_grade, height_m, floors_above,"
                + " floors_below, floor_area from building where unit_id = ? order by name")
        .param(unit.value())
        .query(
            (rs, n) ->
                new Building(
                    rs.getString("id"),
                    rs.getString("name"),
                    rs.getString("use"),
                    BuildingStructure.valueOf(rs.getString("structure")),
                    FireResistanceGrade.valueOf(rs.getString("fire_resistance_grade")),
                    rs.getBigDecimal("height_m"),
                    rs.getInt("floors_above"),
                    rs.getInt("floors_below"),
                    rs.getBigDecimal("floor_area")))
        .list();
  }

  @Override
  public void saveBuilding(UnitId unit, Building b) {
    jdbc.sql(
            """
            insert into building (id, unit_id, name, use, structure, fire_resistance_grade,
              height_m, floors_above, floors_below, floor_area)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set name = excluded.name, use = excluded.use,
              structure = excluded.structure, fire_resistance_grade = excluded.fire_resistance_grade,
              height_m = excluded.height_m, floors_above = excluded.floors_above,
              floors_below = excluded.floors_below, floor_area = excluded.floor_area
            """)
        .params(
            b.id(),
            unit.value(),
            b.name(),
            b.use(),
            b.structure().name(),
            b.fireResistanceGrade().name(),
            b.heightMetres(),
            b.floorsAbove(),
            b.floorsBelow(),
            b.floorArea())
        .update();
  }

  @Override
  public boolean deleteBuilding(UnitId unit, String buildingId) {
    return jdbc.sql("delete from building where unit_id = ? and id = ?")
            .params(unit.value(), buildingId)
            .update()
        > 0;
  }

  // ---- key parts ----

  @Override
  public List<KeyPart> keyParts(UnitId unit) {
    return jdbc.sql(
            "select id, name, building_id, location, use, responsible_name, responsible_phone,"
                + " fire_hazard from key_part where unit_id = ? order by name, id")
        .param(unit.value())
        .query(
            (rs, n) ->
                new KeyPart(
                    rs.getString("id"),
                    rs.getString("name"),
                    rs.getString("building_id"),
                    rs.getString("location"),
                    rs.getString("use"),
                    person(rs, "responsible"),
                    rs.getString("fire_hazard")))
        .list();
  }

  @Override
  public void saveKeyPart(UnitId unit, KeyPart k) {
    jdbc.sql(
            """
            insert into key_part (id, unit_id, name, building_id, location, use, responsible_name,
              responsible_phone, fire_hazard)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set name = excluded.name, building_id = excluded.building_id,
              location = excluded.location, use = excluded.use,
              responsible_name = excluded.responsible_name,
              responsible_phone = excluded.responsible_phone, fire_hazard = excluded.fire_hazard
            """)
        .params(
            k.id(),
            unit.value(),
            k.name(),
            k.buildingId(),
            k.location(),
            k.use(),
            k.responsible() == null ? null : k.responsible().name(),
            k.responsible() == null ? null : k.responsible().phone(),
            k.fireHazard())
        .update();
  }

  @Override
  public boolean deleteKeyPart(UnitId unit, String keyPartId) {
    return jdbc.sql("delete from key_part where unit_id = ? and id = ?")
            .params(unit.value(), keyPartId)
            .update()
        > 0;
  }

  // ---- devices ----

  @Override
  public List<Uitd> devices(UnitId unit) {
    return jdbc.sql(
            "select address, model, profile, installed_on, location from uitd where unit_id = ?"
                + " order by address")
        .param(unit.value())
        .query(
            (rs, n) ->
                new Uitd(
                    DeviceAddress.of(rs.getString("address")),
                    rs.getString("model"),
                    rs.getString("profile"),
                    localDate(rs, "installed_on"),
                    rs.getString("location")))
        .list();
  }

  @Override
  public Optional<UnitId> unitOfDevice(DeviceAddress device) {
    return jdbc.sql("select unit_id from uitd where address = ?")
        .param(device.toString())
        .query((rs, n) -> UnitId.of(rs.getString(1)))
        .optional();
  }

  @Override
  public void saveDevice(UnitId unit, Uitd d) {
    jdbc.sql(
            """
            insert into uitd (address, unit_id, model, profile, installed_on, location)
            values (?, ?, ?, ?, ?, ?)
            on conflict (address) do update set model = excluded.model, profile = excluded.profile,
              installed_on = excluded.installed_on, location = excluded.location
            """)
        .params(
            d.address().toString(),
            unit.value(),
            d.model(),
            d.profile(),
            date(d.installedOn()),
            d.location())
        .update();
  }

  @Override
  public boolean deleteDevice(UnitId unit, DeviceAddress device) {
    return jdbc.sql("delete from uitd where unit_id = ? and address = ?")
            .params(unit.value(), device.toString())
            .update()
        > 0;
  }

  // ---- systems and points ----

  @Override
  public List<FacilitySystem> systems(UnitId unit) {
    return jdbc.sql(
            "select id, device, system_type, system_address, name, model, manufacturer, location,"
                + " commissioned_on from facility_system where unit_id = ?"
                + " order by device, system_type, system_address")
        .param(unit.value())
        .query(
            (rs, n) ->
                new FacilitySystem(
                    rs.getString("id"),
                    DeviceAddress.of(rs.getString("device")),
                    rs.getInt("system_type"),
                    rs.getInt("system_address"),
                    rs.getString("name"),
                    rs.getString("model"),
                    rs.getString("manufacturer"),
                    rs.getString("location"),
                    localDate(rs, "commissioned_on")))
        .list();
  }

  @Override
  public void saveSystem(UnitId unit, FacilitySystem s) {
    jdbc.sql(
            """
            insert into facility_system (id, unit_id, device, system_type, system_address, name,
              model, manufacturer, location, commissioned_on)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set device = excluded.device,
              system_type = excluded.system_type, system_address = excluded.system_address,
              name = excluded.name, model = excluded.model, manufacturer = excluded.manufacturer,
              location = excluded.location, commissioned_on = excluded.commissioned_on
            """)
        .params(
            s.id(),
            unit.value(),
            s.device().toString(),
            s.systemType(),
            s.systemAddress(),
            s.name(),
            s.model(),
            s.manufacturer(),
            s.location(),
            date(s.commissionedOn()))
        .update();
  }

  @Override
  public boolean deleteSystem(UnitId unit, String systemId) {
    return jdbc.sql("delete from facility_system where unit_id = ? and id = ?")
            .params(unit.value(), systemId)
            .update()
        > 0;
  }

  @Override
  public List<Point> points(String systemId) {
    return jdbc.sql(
            "select component_address, component_type, location, building_id, floor, zone"
                + " from point where system_id = ? order by component_address")
        .param(systemId)
        .query((rs, n) -> point(rs))
        .list();
  }

  @Override
  public List<SystemPoint> allPoints(UnitId unit) {
    return jdbc.sql(
            "select p.system_id, p.component_address, p.component_type, p.location,"
                + " p.building_id, p.floor, p.zone from point p"
                + " join facility_system s on s.id = p.system_id where s.unit_id = ?"
                + " order by p.system_id, p.component_address")
        .param(unit.value())
        .query((rs, n) -> new SystemPoint(rs.getString("system_id"), point(rs)))
        .list();
  }

  @Override
  public void replacePoints(String systemId, List<Point> points) {
    jdbc.sql("delete from point where system_id = ?").param(systemId).update();
    for (Point p : points) {
      jdbc.sql(
              "insert into point (system_id, component_address, component_type, location,"
                  + " building_id, floor, zone) values (?, ?, ?, ?, ?, ?, ?)")
          .params(
              systemId,
              p.componentAddress(),
              p.componentType(),
              p.location(),
              p.buildingId(),
              p.floor(),
              p.zone())
          .update();
    }
  }

  private static Point point(ResultSet rs) throws SQLException {
    return new Point(
        rs.getLong("component_address"),
        rs.getInt("component_type"),
        rs.getString("location"),
        rs.getString("building_id"),
        (Integer) rs.getObject("floor"),
        rs.getString("zone"));
  }

  // ---- helpers ----

  private static Map<String, Object> scope(Access access) {
    Map<String, Object> params = new HashMap<>();
    params.put(
        "scopeOperator", access.operatorScope() == null ? null : access.operatorScope().value());
    params.put("scopeUnit", access.unitScope() == null ? null : access.unitScope().value());
    return params;
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
