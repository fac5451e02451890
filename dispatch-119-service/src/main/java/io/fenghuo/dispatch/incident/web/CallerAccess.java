package io.fenghuo.dispatch.incident.web;

import io.fenghuo.dispatch.incident.Access;
import io.fenghuo.starter.security.Caller;
import io.fenghuo.starter.security.Role;

/**
 * Maps the caller's token to incident access. With several roles the broadest wins: admin and the
 * 119 dispatcher (all incidents, answer for the centre), supervision (all, read), an operator role
 * (own operator's, read). A unit manager has no access to 119 incidents in this version.
 */
final class CallerAccess {

  private CallerAccess() {}

  static Access of(Caller caller) {
    if (caller.hasAny(Role.ADMIN, Role.DISPATCHER_119)) {
      return Access.centre();
    }
    if (caller.has(Role.SUPERVISION)) {
      return Access.supervision();
    }
    if (caller.hasAny(Role.OPERATOR, Role.OPERATOR_SUPERVISOR)) {
      return Access.operator(caller.operator());
    }
    return Access.none();
  }
}
