package io.fenghuo.unit.archive.web;

import io.fenghuo.starter.security.Caller;
import io.fenghuo.unit.archive.Building;
import io.fenghuo.unit.archive.FacilitySystem;
import io.fenghuo.unit.archive.KeyPart;
import io.fenghuo.unit.archive.Point;
import io.fenghuo.unit.archive.Uitd;
import io.fenghuo.unit.archive.UnitArchive;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A unit's parts: buildings, key parts, UITDs, facility systems and their point lists. Every call
 * first finds the unit within the caller's tenant; another tenant's unit is "not found".
 */
@RestController
@RequestMapping("/api/units/{unitId}")
@Tag(name = "Unit parts", description = "Buildings, key parts, UITDs, facility systems, points")
class UnitPartsController {

  private final UnitArchive archive;
  private final PointCsv csv;

  UnitPartsController(UnitArchive archive, PointCsv csv) {
    this.archive = archive;
    this.csv = csv;
  }

  // ---- buildings ----

  @GetMapping("/buildings")
  @PreAuthorize(Permissions.READ)
  @Operation(summary = "The unit's buildings")
  List<Building> buildings(Caller caller, @PathVariable String unitId) {
    return archive.buildings(CallerAccess.of(caller), Ids.unit(unitId));
  }

  @PostMapping("/buildings")
  @PreAuthorize(Permissions.WRITE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a building (GB 25506 app. B 2)")
  Building addBuilding(Caller caller, @PathVariable String unitId, @RequestBody Building body) {
    return archive.saveBuilding(CallerAccess.of(caller), Ids.unit(unitId), null, body);
  }

  @PutMapping("/buildings/{buildingId}")
  @PreAuthorize(Permissions.WRITE)
  @Operation(summary = "Replace a building")
  Building updateBuilding(
      Caller caller,
      @PathVariable String unitId,
      @PathVariable String buildingId,
      @RequestBody Building body) {
    return archive.saveBuilding(CallerAccess.of(caller), Ids.unit(unitId), buildingId, body);
  }

  @DeleteMapping("/buildings/{buildingId}")
  @PreAuthorize(Permissions.WRITE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a building; points keep their location text")
  void removeBuilding(Caller caller, @PathVariable String unitId, @PathVariable String buildingId) {
    archive.removeBuilding(CallerAccess.of(caller), Ids.unit(unitId), buildingId);
  }

  // ---- key parts ----

  @GetMapping("/key-parts")
  @PreAuthorize(Permissions.READ)
  @Operation(summary = "The unit's key parts (消防安全重点部位)")
  List<KeyPart> keyParts(Caller caller, @PathVariable String unitId) {
    return archive.keyParts(CallerAccess.of(caller), Ids.unit(unitId));
  }

  @PostMapping("/key-parts")
  @PreAuthorize(Permissions.WRITE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a key part (GB 25506 app. B 3)")
  KeyPart addKeyPart(Caller caller, @PathVariable String unitId, @RequestBody KeyPart body) {
    return archive.saveKeyPart(CallerAccess.of(caller), Ids.unit(unitId), null, body);
  }

  @PutMapping("/key-parts/{keyPartId}")
  @PreAuthorize(Permissions.WRITE)
  @Operation(summary = "Replace a key part")
  KeyPart updateKeyPart(
      Caller caller,
      @PathVariable String unitId,
      @PathVariable String keyPartId,
      @RequestBody KeyPart body) {
    return archive.saveKeyPart(CallerAccess.of(caller), Ids.unit(unitId), keyPartId, body);
  }

  @DeleteMapping("/key-parts/{keyPartId}")
  @PreAuthorize(Permissions.WRITE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a key part")
  void removeKeyPart(Caller caller, @PathVariable String unitId, @PathVariable String keyPartId) {
    archive.removeKeyPart(CallerAccess.of(caller), Ids.unit(unitId), keyPartId);
  }

  // ---- devices ----

  @GetMapping("/devices")
  @PreAuthorize(Permissions.READ)
  @Operation(summary = "The UITDs bound to the unit")
  List<Uitd> devices(Caller caller, @PathVariable String unitId) {
    return archive.devices(CallerAccess.of(caller), Ids.unit(unitId));
  }

  @PutMapping("/devices/{address}")
  @PreAuthorize(Permissions.WRITE)
  @Operation(
      summary = "Bind a UITD (12 hex digits) to the unit, or update its data",
      description = "409 if the address is bound to another unit.")
  Uitd bindDevice(
      Caller caller,
      @PathVariable String unitId,
      @PathVariable String address,
      @RequestBody Uitd body) {
    return archive.bindDevice(CallerAccess.of(caller), Ids.unit(unitId), Ids.device(address), body);
  }

  @DeleteMapping("/devices/{address}")
  @PreAuthorize(Permissions.WRITE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Unbind a UITD; 409 while facility systems report through it")
  void unbindDevice(Caller caller, @PathVariable String unitId, @PathVariable String address) {
    archive.unbindDevice(CallerAccess.of(caller), Ids.unit(unitId), Ids.device(address));
  }

  // ---- facility systems ----

  @GetMapping("/systems")
  @PreAuthorize(Permissions.READ)
  @Operation(summary = "The unit's building fire facility systems")
  List<FacilitySystem> systems(Caller caller, @PathVariable String unitId) {
    return archive.systems(CallerAccess.of(caller), Ids.unit(unitId));
  }

  @PostMapping("/systems")
  @PreAuthorize(Permissions.WRITE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a facility system (GB/T 26875.3 system type and address per UITD)")
  FacilitySystem addSystem(
      Caller caller, @PathVariable String unitId, @RequestBody FacilitySystem body) {
    return archive.saveSystem(CallerAccess.of(caller), Ids.unit(unitId), null, body);
  }

  @PutMapping("/systems/{systemId}")
  @PreAuthorize(Permissions.WRITE)
  @Operation(summary = "Replace a facility system")
  FacilitySystem updateSystem(
      Caller caller,
      @PathVariable String unitId,
      @PathVariable String systemId,
      @RequestBody FacilitySystem body) {
    return archive.saveSystem(CallerAccess.of(caller), Ids.unit(unitId), systemId, body);
  }

  @DeleteMapping("/systems/{systemId}")
  @PreAuthorize(Permissions.WRITE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a facility system with its points")
  void removeSystem(Caller caller, @PathVariable String unitId, @PathVariable String systemId) {
    archive.removeSystem(CallerAccess.of(caller), Ids.unit(unitId), systemId);
  }

  // ---- points ----

  @GetMapping("/systems/{systemId}/points")
  @PreAuthorize(Permissions.READ)
  @Operation(summary = "The point list of a facility system")
  List<Point> points(Caller caller, @PathVariable String unitId, @PathVariable String systemId) {
    return archive.points(CallerAccess.of(caller), Ids.unit(unitId), systemId);
  }

  @PutMapping("/systems/{systemId}/points")
  @PreAuthorize(Permissions.WRITE)
  @Operation(summary = "Replace the point list of a facility system: all points or none")
  List<Point> replacePoints(
      Caller caller,
      @PathVariable String unitId,
      @PathVariable String systemId,
      @RequestBody List<Point> body) {
    return archive.replacePoints(
        CallerAccess.of(caller), Ids.unit(unitId), systemId, body, null, List.of());
  }

  @PostMapping(
      path = "/systems/{systemId}/points/import",
      consumes = {"text/csv", "text/plain"})
  @PreAuthorize(Permissions.WRITE)
  @Operation(
      summary = "Replace the point list of a facility system from CSV: all rows or none",
      description =
          "Columns: "
              + PointCsv.COLUMNS_DOC
              + ". Every bad row is reported with its row number (header = 1), column and rule.")
  Map<String, Object> importPoints(
      Caller caller,
      @PathVariable String unitId,
      @PathVariable String systemId,
      @RequestBody byte[] body) {
    List<Point> points =
        csv.importPoints(
            CallerAccess.of(caller),
            Ids.unit(unitId),
            systemId,
            new String(body, StandardCharsets.UTF_8));
    return Map.of("imported", points.size());
  }
}
