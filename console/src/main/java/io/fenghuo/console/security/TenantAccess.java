package io.fenghuo.console.security;

import io.fenghuo.starter.security.Role;

/**
 * Whether a user may see a tenant's pages (ADR 0002): admin and supervision read every tenant;
 * operator staff only their operator; a unit manager only their unit. Which role may see an area at
 * all is the security configuration's business.
 */
public final class TenantAccess {

  private TenantAccess() {}

  /** Whether the user may see pages of this operator (the raw path value). */
  public static boolean mayReadOperator(ConsoleUser user, String operator) {
    if (user.hasAny(Role.ADMIN, Role.SUPERVISION)) {
      return true;
    }
    return user.isOperatorStaff() && user.operator().toString().equals(operator);
  }

  /** Whether the user may see pages of this unit (the raw path value). */
  public static boolean mayReadUnit(ConsoleUser user, String unit) {
    if (user.hasAny(Role.ADMIN, Role.SUPERVISION)) {
      return true;
    }
    return user.has(Role.UNIT_MANAGER) && user.unit().toString().equals(unit);
  }
}
