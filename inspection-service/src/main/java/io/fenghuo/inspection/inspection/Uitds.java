package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The UITDs' liveness and poll schedules (port). */
public interface Uitds {

  /**
   * A device locked for the transaction, with the unit the unit stream binds it to now.
   *
   * @param unit the unit of the read model's binding (not the device's recorded unit), or null
   * @param unitVersion that unit's snapshot version, or 0
   */
  record Bound(Uitd uitd, UnitId unit, long unitVersion) {}

  /** A device, locked for the transaction. */
  Optional<Uitd> lock(OperatorId operator, DeviceAddress device);

  /**
   * A device, locked for the transaction, with its binding in the unit read model (one statement).
   */
  Optional<Bound> lockBound(OperatorId operator, DeviceAddress device);

  /** Stores a device learned now, unless another transaction did first. */
  void insertIfAbsent(Uitd uitd);

  void save(Uitd uitd);

  /** Online devices past their offline deadline, locked, skipping those others hold. */
  List<Uitd> lockOverdue(Instant now, int limit);

  /** Devices whose poll is due, locked, skipping those others hold. */
  List<Uitd> lockDuePolls(Instant now, int limit);

  /** The devices of a unit, or of the operator when {@code unit} is null, locked. */
  List<Uitd> lockOf(OperatorId operator, UnitId unit);
}
