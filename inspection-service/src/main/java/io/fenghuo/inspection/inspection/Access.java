package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.util.Objects;

/**
 * What a caller may see and do in the inspection-service (ADR 0002): operators and their
 * supervisors their own operator's units; an administrator every operator's (naming one on list
 * endpoints); supervision reads everything and acts on nothing; a unit manager reads its own unit
 * and records its work orders; a maintenance company (维保单位) reads and records the work orders of
 * the faults assigned to it, of any operator, and nothing else (no boards, devices, polls or
 * integrity); anybody else nothing.
 *
 * @param kind the broadest role of the caller
 * @param operator the operator for operator roles, else null
 * @param unit the unit for a unit manager, else null
 * @param company the maintenance company for {@link Kind#MAINTENANCE}, else null
 * @param user the caller's user id (token subject), recorded in the fault log; never null
 */
public record Access(Kind kind, OperatorId operator, UnitId unit, String company, String user) {

  /**
   * The broadest role, in the order admin, supervisor, operator, supervision, unit manager,
   * maintenance company.
   */
  public enum Kind {
    ADMIN,
    OPERATOR_SUPERVISOR,
    OPERATOR,
    SUPERVISION,
    UNIT_MANAGER,
    MAINTENANCE,
    NONE
  }

  public Access {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(user, "user");
    if (kind == Kind.MAINTENANCE && company == null) {
      throw new IllegalArgumentException("a maintenance caller acts for a company");
    }
  }

  /** Access of every role but {@link Kind#MAINTENANCE}. */
  public Access(Kind kind, OperatorId operator, UnitId unit, String user) {
    this(kind, operator, unit, null, user);
  }

  /** Whether the caller may read boards, devices, polls and integrity (the facility status). */
  public boolean reads() {
    return kind != Kind.NONE && kind != Kind.MAINTENANCE;
  }

  /** Whether the caller may read fault records (a maintenance company: its own work orders). */
  public boolean readsFaults() {
    return kind != Kind.NONE;
  }

  /** Whether the caller may ask for polls (status reads). */
  public boolean polls() {
    return kind == Kind.ADMIN || kind == Kind.OPERATOR || kind == Kind.OPERATOR_SUPERVISOR;
  }

  /** Whether the caller may record work-order steps (for the units it sees). */
  public boolean recordsWorkOrders() {
    return polls() || kind == Kind.UNIT_MANAGER || kind == Kind.MAINTENANCE;
  }

  /** Whether the caller may change settings (policy, poll periods). */
  public boolean supervises() {
    return kind == Kind.ADMIN || kind == Kind.OPERATOR_SUPERVISOR;
  }

  /** Whether the caller sees every operator (and must name one on list endpoints). */
  public boolean regionWide() {
    return kind == Kind.ADMIN || kind == Kind.SUPERVISION;
  }

  /**
   * The operator whose records a list shows.
   *
   * @param requested the {@code operator} request parameter, or null
   * @throws InspectionException.Invalid if a region-wide caller names none
   */
  public OperatorId listOperator(String requested) {
    if (kind == Kind.OPERATOR || kind == Kind.OPERATOR_SUPERVISOR) {
      return operator;
    }
    if (regionWide()) {
      if (requested == null || requested.isBlank()) {
        throw new InspectionException.Invalid(
            "operator", "is required for " + kind + " on this list");
      }
      try {
        return OperatorId.of(requested);
      } catch (IllegalArgumentException e) {
        throw new InspectionException.Invalid("operator", e.getMessage());
      }
    }
    return null;
  }

  /** Whether the caller may see the unit (or the unit-less device) of this operator. */
  public boolean sees(OperatorId owner, UnitId unitId) {
    return switch (kind) {
      case ADMIN, SUPERVISION -> true;
      case OPERATOR, OPERATOR_SUPERVISOR -> operator.equals(owner);
      case UNIT_MANAGER -> unit.equals(unitId);
      case MAINTENANCE, NONE -> false;
    };
  }

  /**
   * Whether the caller may see this fault record: by its unit, or for a maintenance company by the
   * company the work order is assigned to (whichever operator monitors the unit).
   */
  public boolean sees(FaultRecord fault) {
    if (kind == Kind.MAINTENANCE) {
      return company.equals(fault.assignedCompany());
    }
    return sees(fault.operator(), fault.unit());
  }
}
