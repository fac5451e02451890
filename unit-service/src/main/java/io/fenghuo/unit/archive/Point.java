package io.fenghuo.unit.archive;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A point (点位): one component of a facility system, addressed as in signals (GB/T 26875.3 §8.2.1.2:
 * component type per table 5, 32-bit component address), with where it is.
 *
 * @param componentAddress 0 … 4294967295, unique within the system; required
 * @param componentType GB/T 26875.3 table 5 type, 0–255; required
 * @param location location text read to the operator, e.g. 3层东侧走廊; required
 * @param buildingId the building, or null
 * @param floor the floor, negative below ground, never 0; must exist in the building; or null
 * @param zone fire zone or area; optional
 */
public record Point(
    @NotNull @Min(0) @Max(4_294_967_295L) Long componentAddress,
    @NotNull @Min(0) @Max(255) Integer componentType,
    @NotBlank @Size(max = 500) String location,
    @Size(max = 64) String buildingId,
    @Min(-20) @Max(200) Integer floor,
    @Size(max = 100) String zone) {}
