package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The fault records (port). */
public interface Faults {

  /** The device's open faults, locked for the transaction. */
  List<Fault> lockOpen(OperatorId operator, DeviceAddress device);

  /** A fault, locked for the transaction. */
  Optional<Fault> lock(FaultId id);

  /** Whether a fault with this id exists (open or closed). */
  boolean exists(FaultId id);

  /** The open faults whose next escalation is due, locked, skipping those others hold. */
  List<Fault> lockDue(Instant now, int limit);

  /** The operator's open faults, locked (policy changes). */
  List<Fault> lockOpenOfOperator(OperatorId operator);

  /** Inserts or updates the record and appends its pending log entries. */
  void save(Fault fault);
}
