package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import java.util.Optional;

/** The local read model of the operators' unit streams (port). */
public interface UnitDirectory {

  /** The unit a device is bound to. */
  Optional<UnitArchiveChanged> unitOfDevice(OperatorId operator, DeviceAddress device);

  /** A unit's latest snapshot. */
  Optional<UnitArchiveChanged> unit(OperatorId operator, UnitId unit);

  /** The operator a unit belongs to (for region-wide callers naming a unit). */
  Optional<OperatorId> operatorOf(UnitId unit);

  /**
   * Keeps the snapshot unless a newer version is already held.
   *
   * @return whether the snapshot was kept (false: a newer one is held)
   */
  boolean apply(OperatorId operator, UnitArchiveChanged snapshot);

  /** Forgets a removed unit (a tombstone on the unit stream). */
  void remove(OperatorId operator, UnitId unit);
}
