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

  /**
   * Inserts a new record with its pending log entries, unless a record with its id exists (open or
   * closed). One statement.
   *
   * @return whether it was inserted
   */
  boolean create(Fault fault);

  /** The open faults whose next escalation is due, locked, skipping those others hold. */
  List<Fault> lockDue(Instant now, int limit);

  /** The operator's open faults, locked (policy changes). */
  List<Fault> lockOpenOfOperator(OperatorId operator);

  /** Inserts or updates the record and appends its pending log entries (one statement). */
  void save(Fault fault);
}
