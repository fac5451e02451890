package io.fenghuo.console.facilities;

/**
 * Where the links and forms of a facility page go: the operator area ({@code /op/<op>/…}) and the
 * unit area ({@code /unit/<unit>/…}) share the templates.
 *
 * @param boardBase a unit's board is {@code boardBase + unitId}; in the unit area the board itself;
 *     null where the user sees no boards (the maintenance company's area)
 * @param fixedUnit whether the pages belong to one unit (the unit area)
 * @param faults the fault list
 * @param faultBase a fault's detail is {@code faultBase + id}
 * @param queue the alarm page a new fire alarm links back to
 */
public record FacilityPaths(
    String boardBase, boolean fixedUnit, String faults, String faultBase, String queue) {

  /** Whether the pages link to units' boards. */
  public boolean hasBoards() {
    return boardBase != null;
  }

  /** The board of a unit. */
  public String board(String unit) {
    return fixedUnit ? boardBase : boardBase + unit;
  }
}
