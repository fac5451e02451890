package io.fenghuo.unit.archive.web;

import io.fenghuo.contracts.unit.UnitCategory;
import io.fenghuo.unit.archive.Access;
import io.fenghuo.unit.archive.ArchiveException;
import io.fenghuo.unit.archive.Contact;
import io.fenghuo.unit.archive.ContractPeriod;
import io.fenghuo.unit.archive.Coordinates;
import io.fenghuo.unit.archive.MaintenanceContract;
import io.fenghuo.unit.archive.NewUnit;
import io.fenghuo.unit.archive.Person;
import io.fenghuo.unit.archive.Unit;
import io.fenghuo.unit.archive.UnitArchive;
import io.fenghuo.unit.archive.UnitProfile;
import io.fenghuo.unit.archive.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The unit import: one unit per CSV row, the way monitoring centres onboard from spreadsheets. All
 * rows are imported or none; every bad row is reported with its row number, column and rule.
 */
@Component
class UnitCsv {

  /** Field path (as the rules name it) → column. Longest prefix wins. */
  private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("id", "id");
    COLUMNS.put("operatorId", "operator_id");
    COLUMNS.put("profile.name", "name");
    COLUMNS.put("profile.creditCode", "credit_code");
    COLUMNS.put("profile.category", "category");
    COLUMNS.put("profile.districtCode", "district_code");
    COLUMNS.put("profile.address", "address");
    COLUMNS.put("profile.coordinates.latitude", "latitude");
    COLUMNS.put("profile.coordinates.longitude", "longitude");
    COLUMNS.put("profile.coordinates", "latitude");
    COLUMNS.put("profile.phone", "phone");
    COLUMNS.put("profile.controlRoomPhone", "control_room_phone");
    COLUMNS.put("profile.legalRepresentative.name", "legal_rep_name");
    COLUMNS.put("profile.legalRepresentative.phone", "legal_rep_phone");
    COLUMNS.put("profile.safetyResponsible.name", "responsible_name");
    COLUMNS.put("profile.safetyResponsible.phone", "responsible_phone");
    COLUMNS.put("profile.safetyManager.name", "manager_name");
    COLUMNS.put("profile.safetyManager.phone", "manager_phone");
    COLUMNS.put("profile.contacts", "contacts");
    COLUMNS.put("profile.staffCount", "staff_count");
    COLUMNS.put("profile.floorArea", "floor_area");
    COLUMNS.put("profile.operatorContract.from", "operator_contract_from");
    COLUMNS.put("profile.operatorContract.to", "operator_contract_to");
    COLUMNS.put("profile.maintenance.company", "maintenance_company");
    COLUMNS.put("profile.maintenance.phone", "maintenance_phone");
    COLUMNS.put("profile.maintenance.from", "maintenance_from");
    COLUMNS.put("profile.maintenance.to", "maintenance_to");
  }

  private static final Set<String> KNOWN = Set.copyOf(COLUMNS.values());
  private static final Set<String> REQUIRED =
      Set.of("name", "category", "district_code", "address");

  /** The columns, for the API description. */
  static final String COLUMNS_DOC =
      "id, operator_id, name*, credit_code, category* (KEY_UNIT | CROWDED_PLACE |"
          + " FLAMMABLE_EXPLOSIVE | OTHER), district_code* (GB/T 2260), address*, latitude,"
          + " longitude, phone, control_room_phone, legal_rep_name, legal_rep_phone,"
          + " responsible_name, responsible_phone, manager_name, manager_phone, contacts"
          + " (name/role/phone;… in calling order), staff_count, floor_area, operator_contract_from,"
          + " operator_contract_to, maintenance_company, maintenance_phone, maintenance_from,"
          + " maintenance_to (dates YYYY-MM-DD); * = required";

  private final UnitArchive archive;

  UnitCsv(UnitArchive archive) {
    this.archive = archive;
  }

  List<Unit> importUnits(Access access, String text) {
    try {
      Csv csv = Csv.parse(text, KNOWN, REQUIRED);
      List<NewUnit> units = new ArrayList<>();
      List<Integer> rows = new ArrayList<>();
      List<Violation> problems = new ArrayList<>();
      for (Csv.Row row : csv.rows()) {
        units.add(read(new CsvCells(row, problems)));
        rows.add(row.number());
      }
      return archive.registerAll(access, units, rows, problems);
    } catch (ArchiveException.Invalid e) {
      throw new ArchiveException.Invalid(CsvColumns.toColumns(e.violations(), COLUMNS));
    }
  }

  private static NewUnit read(CsvCells cells) {
    Double lat = cells.decimal("latitude", "profile.coordinates.latitude");
    Double lon = cells.decimal("longitude", "profile.coordinates.longitude");
    LocalDate contractFrom = cells.date("operator_contract_from", "profile.operatorContract.from");
    LocalDate contractTo = cells.date("operator_contract_to", "profile.operatorContract.to");
    String maintenanceCompany = cells.text("maintenance_company");
    String maintenancePhone = cells.text("maintenance_phone");
    LocalDate maintenanceFrom = cells.date("maintenance_from", "profile.maintenance.from");
    LocalDate maintenanceTo = cells.date("maintenance_to", "profile.maintenance.to");
    UnitProfile profile =
        new UnitProfile(
            cells.text("name"),
            cells.text("credit_code"),
            cells.enumValue("category", "profile.category", UnitCategory.class),
            cells.text("district_code"),
            cells.text("address"),
            lat == null && lon == null ? null : new Coordinates(lat, lon),
            cells.text("phone"),
            cells.text("control_room_phone"),
            person(cells, "legal_rep"),
            person(cells, "responsible"),
            person(cells, "manager"),
            contacts(cells),
            cells.integer("staff_count", "profile.staffCount"),
            cells.bigDecimal("floor_area", "profile.floorArea"),
            contractFrom == null && contractTo == null
                ? null
                : new ContractPeriod(contractFrom, contractTo),
            maintenanceCompany == null
                    && maintenancePhone == null
                    && maintenanceFrom == null
                    && maintenanceTo == null
                ? null
                : new MaintenanceContract(
                    maintenanceCompany, maintenancePhone, maintenanceFrom, maintenanceTo));
    return new NewUnit(cells.text("id"), cells.text("operator_id"), profile);
  }

  private static Person person(CsvCells cells, String prefix) {
    String name = cells.text(prefix + "_name");
    String phone = cells.text(prefix + "_phone");
    return name == null && phone == null ? null : new Person(name, phone);
  }

  /** {@code 张伟/值班员/13900000003;赵强/保安队长/13900000004}, in calling order. */
  private static List<Contact> contacts(CsvCells cells) {
    String text = cells.text("contacts");
    if (text == null) {
      return List.of();
    }
    List<Contact> contacts = new ArrayList<>();
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.split("/", -1);
      if (parts.length != 3) {
        cells.problem(
            "profile.contacts",
            "contact-format",
            "each contact must be name/role/phone, got '" + CsvCells.abbreviate(entry) + "'");
        return List.of();
      }
      contacts.add(new Contact(parts[0].strip(), parts[1].strip(), parts[2].strip()));
    }
    return contacts;
  }
}
