package io.fenghuo.unit.archive.web;

import io.fenghuo.contracts.unit.UnitCategory;
import io.fenghuo.starter.security.Caller;
import io.fenghuo.unit.archive.NewUnit;
import io.fenghuo.unit.archive.Page;
import io.fenghuo.unit.archive.Unit;
import io.fenghuo.unit.archive.UnitArchive;
import io.fenghuo.unit.archive.UnitProfile;
import io.fenghuo.unit.archive.UnitQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Networked units: register, read, change, remove, and import from CSV. */
@RestController
@RequestMapping("/api/units")
@Tag(
    name = "Units",
    description = "Networked units (联网单位) and their basic data (GB 25506 app. B 1)")
class UnitController {

  private final UnitArchive archive;
  private final UnitCsv csv;

  UnitController(UnitArchive archive, UnitCsv csv) {
    this.archive = archive;
    this.csv = csv;
  }

  @GetMapping
  @PreAuthorize(Permissions.READ)
  @Operation(summary = "Units the caller sees, by id; filter by category, district or text")
  Page<Unit> list(
      Caller caller,
      @RequestParam(required = false) UnitCategory category,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return archive.list(CallerAccess.of(caller), new UnitQuery(category, district, q, page, size));
  }

  @PostMapping
  @PreAuthorize(Permissions.WRITE)
  @Operation(summary = "Register a unit; the id is assigned unless given")
  ResponseEntity<Unit> register(Caller caller, @RequestBody NewUnit unit) {
    Unit created = archive.register(CallerAccess.of(caller), unit);
    return ResponseEntity.created(URI.create("/api/units/" + created.id())).body(created);
  }

  @GetMapping("/{unitId}")
  @PreAuthorize(Permissions.READ)
  @Operation(summary = "One unit")
  Unit get(Caller caller, @PathVariable String unitId) {
    return archive.unit(CallerAccess.of(caller), Ids.unit(unitId));
  }

  @PutMapping("/{unitId}")
  @PreAuthorize(Permissions.WRITE)
  @Operation(summary = "Replace a unit's basic data")
  Unit update(Caller caller, @PathVariable String unitId, @RequestBody UnitProfile profile) {
    return archive.updateProfile(CallerAccess.of(caller), Ids.unit(unitId), profile);
  }

  @DeleteMapping("/{unitId}")
  @PreAuthorize(Permissions.WRITE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a unit with its whole archive; the unit stream gets a tombstone")
  void remove(Caller caller, @PathVariable String unitId) {
    archive.remove(CallerAccess.of(caller), Ids.unit(unitId));
  }

  @PostMapping(
      path = "/import",
      consumes = {"text/csv", "text/plain"})
  @PreAuthorize(Permissions.WRITE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Import units from CSV (UTF-8, header row): all rows or none",
      description =
          "Columns: "
              + UnitCsv.COLUMNS_DOC
              + ". Every bad row is reported with its row number (header = 1), column and rule.")
  Map<String, Object> importUnits(Caller caller, @RequestBody byte[] body) {
    List<Unit> created =
        csv.importUnits(CallerAccess.of(caller), new String(body, StandardCharsets.UTF_8));
    return Map.of("imported", created.size(), "units", created.stream().map(Unit::id).toList());
  }
}
