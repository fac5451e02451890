package io.fenghuo.unit.archive;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A building (建筑物) of the unit (GB 25506 app. B 2). Points and key parts refer to it, and later the
 * compliance work (patrol routes, inspections) will.
 *
 * @param id assigned by the service; ignored on input
 * @param name unique within the unit, e.g. 1号楼; required
 * @param use e.g. 商业, 办公, 住宅; optional
 * @param structure required
 * @param fireResistanceGrade required
 * @param heightMetres building height in m; optional
 * @param floorsAbove storeys above ground; required
 * @param floorsBelow storeys below ground; required
 * @param floorArea floor area in m²; optional
 */
public record Building(
    String id,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 100) String use,
    @NotNull BuildingStructure structure,
    @NotNull FireResistanceGrade fireResistanceGrade,
    @PositiveOrZero @DecimalMax("1000") BigDecimal heightMetres,
    @NotNull @PositiveOrZero @Max(200) Integer floorsAbove,
    @NotNull @PositiveOrZero @Max(20) Integer floorsBelow,
    @PositiveOrZero @DecimalMax("10000000") BigDecimal floorArea) {

  /** This building with the given id. */
  public Building withId(String newId) {
    return new Building(
        newId,
        name,
        use,
        structure,
        fireResistanceGrade,
        heightMetres,
        floorsAbove,
        floorsBelow,
        floorArea);
  }

  /** Whether a floor number (negative below ground, never 0) exists in this building. */
  public boolean hasFloor(int floor) {
    return floor != 0 && floor <= floorsAbove && -floor <= floorsBelow;
  }
}
