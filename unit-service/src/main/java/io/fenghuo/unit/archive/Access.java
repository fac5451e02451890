package io.fenghuo.unit.archive;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.util.Objects;

/**
 * What a caller may see and change in the archive (ADR 0002): an administrator everything; an
 * operator its own units; fire supervision reads every unit and changes none; a unit manager reads
 * its own unit. Every query is scoped by {@link #operatorScope()} and {@link #unitScope()}.
 *
 * @param reads whether the caller may read at all
 * @param writes whether the caller may change what it can read
 * @param operator the only operator whose units are visible, or null for all
 * @param unit the only unit visible, or null for all
 */
public record Access(boolean reads, boolean writes, OperatorId operator, UnitId unit) {

  /** An administrator: everything. */
  public static Access admin() {
    return new Access(true, true, null, null);
  }

  /** An operator's staff: read and change the operator's own units. */
  public static Access operator(OperatorId operator) {
    return new Access(true, true, Objects.requireNonNull(operator, "operator"), null);
  }

  /** Fire supervision: read every unit, change none. */
  public static Access supervision() {
    return new Access(true, false, null, null);
  }

  /** A unit's fire-safety manager: read the own unit. */
  public static Access unitManager(UnitId unit) {
    return new Access(true, false, null, Objects.requireNonNull(unit, "unit"));
  }

  /** No access to the archive. */
  public static Access none() {
    return new Access(false, false, null, null);
  }

  /** The operator every query is restricted to, or null. */
  public OperatorId operatorScope() {
    return operator;
  }

  /** The unit every query is restricted to, or null. */
  public UnitId unitScope() {
    return unit;
  }

  /** Whether a unit of this operator with this id is visible. */
  public boolean sees(OperatorId unitOperator, UnitId unitId) {
    return reads
        && (operator == null || operator.equals(unitOperator))
        && (unit == null || unit.equals(unitId));
  }

  void requireRead() {
    if (!reads) {
      throw new ArchiveException.Forbidden("this role may not read the unit archive");
    }
  }

  void requireWrite() {
    if (!writes) {
      throw new ArchiveException.Forbidden("this role may not change the unit archive");
    }
  }
}
