package io.fenghuo.unit.archive.web;

import io.fenghuo.starter.security.Caller;
import io.fenghuo.starter.security.Role;
import io.fenghuo.unit.archive.Access;

/**
 * Maps the caller's token to archive access. With several roles the broadest wins, in this order:
 * admin, an operator role (own units, read and write), supervision (all units, read only), unit
 * manager (own unit, read only). The 119 dispatcher reads confirmed fires from the 119 stream and
 * has no access to the archive.
 */
final class CallerAccess {

  private CallerAccess() {}

  static Access of(Caller caller) {
    if (caller.has(Role.ADMIN)) {
      return Access.admin();
    }
    if (caller.hasAny(Role.OPERATOR, Role.OPERATOR_SUPERVISOR)) {
      return Access.operator(caller.operator());
    }
    if (caller.has(Role.SUPERVISION)) {
      return Access.supervision();
    }
    if (caller.has(Role.UNIT_MANAGER)) {
      return Access.unitManager(caller.unit());
    }
    return Access.none();
  }
}
