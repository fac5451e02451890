package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.util.Objects;

/**
 * What a caller may see and do in the alarm-service (ADR 0002, alarm-api.md): operators and their
 * supervisors their own operator's alarms; an administrator every operator's (naming one on list
 * endpoints); supervision reads everything and acts on nothing; a unit manager reads its own unit's
 * alarms; anybody else nothing.
 *
 * @param kind the broadest role of the caller
 * @param operator the operator for operator roles, else null
 * @param unit the unit for a unit manager, else null
 * @param user the caller's user id (token subject), recorded in the audit; never null
 */
public record Access(Kind kind, OperatorId operator, UnitId unit, String user) {

  /** The broadest role, in the order admin, supervisor, operator, supervision, unit manager. */
  public enum Kind {
    ADMIN,
    OPERATOR_SUPERVISOR,
    OPERATOR,
    SUPERVISION,
    UNIT_MANAGER,
    NONE
  }

  public Access {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(user, "user");
  }

  /** Whether the caller may read alarms at all. */
  public boolean reads() {
    return kind != Kind.NONE;
  }

  /** Whether the caller may claim, call, confirm and dismiss. */
  public boolean acts() {
    return kind == Kind.ADMIN || kind == Kind.OPERATOR || kind == Kind.OPERATOR_SUPERVISOR;
  }

  /** Whether the caller may take over and release others' claims and change settings. */
  public boolean supervises() {
    return kind == Kind.ADMIN || kind == Kind.OPERATOR_SUPERVISOR;
  }

  /** Whether the caller sees every operator (and must name one on list endpoints). */
  public boolean regionWide() {
    return kind == Kind.ADMIN || kind == Kind.SUPERVISION;
  }

  /**
   * The operator whose alarms a list shows.
   *
   * @param requested the {@code operator} request parameter, or null
   * @throws AlarmException.Invalid if a region-wide caller names none
   */
  public OperatorId listOperator(String requested) {
    if (kind == Kind.OPERATOR || kind == Kind.OPERATOR_SUPERVISOR) {
      return operator;
    }
    if (regionWide()) {
      if (requested == null || requested.isBlank()) {
        throw new AlarmException.Invalid("operator", "is required for " + kind + " on this list");
      }
      try {
        return OperatorId.of(requested);
      } catch (IllegalArgumentException e) {
        throw new AlarmException.Invalid("operator", e.getMessage());
      }
    }
    return null;
  }

  /** Whether the caller may see this alarm. */
  public boolean sees(OperatorId alarmOperator, UnitId alarmUnit) {
    return switch (kind) {
      case ADMIN, SUPERVISION -> true;
      case OPERATOR, OPERATOR_SUPERVISOR -> operator.equals(alarmOperator);
      case UNIT_MANAGER -> unit.equals(alarmUnit);
      case NONE -> false;
    };
  }
}
