package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import java.util.List;
import java.util.Optional;

/** The local read model of the operators' unit streams (port). */
public interface UnitDirectory {

  /** A unit with the operator it belongs to. */
  record OwnedUnit(OperatorId operator, UnitArchiveChanged unit) {}

  /** The unit a device is bound to. */
  Optional<UnitArchiveChanged> unitOfDevice(OperatorId operator, DeviceAddress device);

  /** A unit's latest snapshot. */
  Optional<UnitArchiveChanged> unit(OperatorId operator, UnitId unit);

  /**
   * A unit's snapshot of the given version (as a binding just read names it), parsed once per
   * version; the latest one if that version is no longer held.
   */
  Optional<UnitArchiveChanged> unit(OperatorId operator, UnitId unit, long version);

  /** The operator a unit belongs to (for region-wide callers naming a unit). */
  Optional<OperatorId> operatorOf(UnitId unit);

  /** The units of an operator (null: every operator), in a district (null: every district). */
  List<OwnedUnit> units(OperatorId operator, String district);

  /**
   * Keeps the snapshot unless a newer version is already held.
   *
   * @return whether it was kept
   */
  boolean apply(OperatorId operator, UnitArchiveChanged snapshot);

  /** Forgets a removed unit (a tombstone on the unit stream). */
  void remove(OperatorId operator, UnitId unit);
}
