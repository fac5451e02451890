package io.fenghuo.dispatch.incident;

import io.fenghuo.contracts.id.OperatorId;
import java.util.Objects;

/**
 * What a caller may see and do (ADR 0002, as this service defines the roles): the 119 dispatcher
 * and an administrator see every incident and answer for the centre; fire supervision reads every
 * incident; an operator's staff read their own operator's incidents only. Every query is scoped by
 * {@link #operatorScope()}.
 *
 * @param reads whether the caller may read incidents at all
 * @param actsForCentre whether the caller may acknowledge and report progress for the 119 centre
 * @param operator the only operator whose incidents are visible, or null for all
 */
public record Access(boolean reads, boolean actsForCentre, OperatorId operator) {

  /** The 119 dispatcher or an administrator: everything. */
  public static Access centre() {
    return new Access(true, true, null);
  }

  /** Fire supervision: read everything. */
  public static Access supervision() {
    return new Access(true, false, null);
  }

  /** An operator's staff: read the operator's own incidents. */
  public static Access operator(OperatorId operator) {
    return new Access(true, false, Objects.requireNonNull(operator, "operator"));
  }

  /** No access. */
  public static Access none() {
    return new Access(false, false, null);
  }

  /** The operator every query is restricted to, or null. */
  public OperatorId operatorScope() {
    return operator;
  }

  /** Whether an incident of this operator is visible. */
  public boolean sees(OperatorId incidentOperator) {
    return reads && (operator == null || operator.equals(incidentOperator));
  }

  void requireRead() {
    if (!reads) {
      throw new DispatchException.Forbidden("this role may not read 119 incidents");
    }
  }

  void requireCentre() {
    if (!actsForCentre) {
      throw new DispatchException.Forbidden("only the 119 dispatcher may answer for the centre");
    }
  }
}
