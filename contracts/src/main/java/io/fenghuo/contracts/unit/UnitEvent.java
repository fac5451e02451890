package io.fenghuo.contracts.unit;

import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.UnitId;

/**
 * The electronic archive of one networked unit (联网单位), on the compacted stream {@code
 * fire.op.<op>.unit}, keyed by the unit id: the latest record per key is the unit's current state,
 * and a tombstone (null value) says the unit was removed.
 */
public sealed interface UnitEvent extends FenghuoEvent permits UnitArchiveChanged {

  /** The unit; never null. */
  UnitId unitId();

  @Override
  default String key() {
    return unitId().toString();
  }
}
