package io.fenghuo.contracts.unit;

/**
 * The fire-safety category of a unit, which decides its compliance schedule (公安部令第61号: patrol,
 * inspection, drill and training frequencies). Whether a unit is a key unit is decided by the fire
 * authority's published list, so it is data, never derived.
 */
public enum UnitCategory {
  /** 消防安全重点单位. */
  KEY_UNIT,
  /** 人员密集场所 (incl. 公众聚集场所). */
  CROWDED_PLACE,
  /** 易燃易爆单位. */
  FLAMMABLE_EXPLOSIVE,
  /** 一般单位. */
  OTHER
}
