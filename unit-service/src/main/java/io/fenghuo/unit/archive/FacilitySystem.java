package io.fenghuo.unit.archive;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.unit.archive.validation.SystemType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A building fire facility system (建筑消防设施系统) reached through a UITD, typically one fire alarm
 * control panel: signals carry its type (GB/T 26875.3 table 4) and address (0–255), unique per
 * UITD.
 *
 * @param id assigned by the service; ignored on input
 * @param device the UITD it reports through; must be bound to the same unit; required
 * @param systemType GB/T 26875.3 table 4 type; required
 * @param systemAddress 0–255; required
 * @param name e.g. 1号楼火灾报警控制器; optional
 * @param model optional
 * @param manufacturer optional
 * @param location optional
 * @param commissionedOn when it went into service; optional
 */
public record FacilitySystem(
    String id,
    @NotNull DeviceAddress device,
    @NotNull @SystemType Integer systemType,
    @NotNull @Min(0) @Max(255) Integer systemAddress,
    @Size(max = 200) String name,
    @Size(max = 100) String model,
    @Size(max = 200) String manufacturer,
    @Size(max = 500) String location,
    LocalDate commissionedOn) {

  /** This system with the given id. */
  public FacilitySystem withId(String newId) {
    return new FacilitySystem(
        newId,
        device,
        systemType,
        systemAddress,
        name,
        model,
        manufacturer,
        location,
        commissionedOn);
  }
}
