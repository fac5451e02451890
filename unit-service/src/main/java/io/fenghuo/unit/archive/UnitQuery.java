package io.fenghuo.unit.archive;

import io.fenghuo.contracts.unit.UnitCategory;

/**
 * Filters and paging of a unit list.
 *
 * @param category only this category, or null
 * @param districtCode only this district, or null
 * @param text only units whose name or address contains this, or null
 * @param page page number from 0
 * @param size page size, 1–500
 */
public record UnitQuery(
    UnitCategory category, String districtCode, String text, int page, int size) {

  /** Clamps paging to sane bounds. */
  public UnitQuery {
    page = Math.max(page, 0);
    size = Math.min(Math.max(size, 1), 500);
  }
}
