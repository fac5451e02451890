package io.fenghuo.unit.archive.web;

import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.unit.archive.Access;
import io.fenghuo.unit.archive.ArchiveException;
import io.fenghuo.unit.archive.Building;
import io.fenghuo.unit.archive.Point;
import io.fenghuo.unit.archive.UnitArchive;
import io.fenghuo.unit.archive.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The point list import of one facility system (a panel's 点位表): replaces the system's points, all
 * rows or none. Buildings are named as people know them; the import resolves the name.
 */
@Component
class PointCsv {

  private static final Map<String, String> COLUMNS =
      Map.of(
          "componentAddress", "component_address",
          "componentType", "component_type",
          "location", "location",
          "buildingId", "building",
          "floor", "floor",
          "zone", "zone");

  private static final Set<String> REQUIRED =
      Set.of("component_address", "component_type", "location");

  /** The columns, for the API description. */
  static final String COLUMNS_DOC =
      "component_address* (0-4294967295), component_type* (GB/T 26875.3 table 5, 0-255),"
          + " location*, building (the building's name), floor (negative below ground, not 0),"
          + " zone; * = required";

  private final UnitArchive archive;

  PointCsv(UnitArchive archive) {
    this.archive = archive;
  }

  List<Point> importPoints(Access access, UnitId unit, String systemId, String text) {
    Map<String, Building> buildings =
        archive.buildings(access, unit).stream()
            .collect(Collectors.toMap(Building::name, Function.identity()));
    try {
      Csv csv = Csv.parse(text, Set.copyOf(COLUMNS.values()), REQUIRED);
      List<Point> points = new ArrayList<>();
      List<Integer> rows = new ArrayList<>();
      List<Violation> problems = new ArrayList<>();
      for (Csv.Row row : csv.rows()) {
        CsvCells cells = new CsvCells(row, problems);
        String buildingName = cells.text("building");
        String buildingId = null;
        if (buildingName != null) {
          Building building = buildings.get(buildingName);
          if (building == null) {
            cells.problem(
                "buildingId", "unit-building", "the unit has no building named " + buildingName);
          } else {
            buildingId = building.id();
          }
        }
        points.add(
            new Point(
                cells.longValue("component_address", "componentAddress"),
                cells.integer("component_type", "componentType"),
                cells.text("location"),
                buildingId,
                cells.integer("floor", "floor"),
                cells.text("zone")));
        rows.add(row.number());
      }
      return archive.replacePoints(access, unit, systemId, points, rows, problems);
    } catch (ArchiveException.Invalid e) {
      throw new ArchiveException.Invalid(CsvColumns.toColumns(e.violations(), COLUMNS));
    }
  }
}
