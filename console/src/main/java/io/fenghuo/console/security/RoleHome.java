package io.fenghuo.console.security;

import io.fenghuo.starter.security.Role;

/**
 * Where each user starts. With several roles the broadest applies, as in ADR 0002: admin, operator
 * roles, supervision, unit manager, maintenance company, 119 dispatcher.
 */
public final class RoleHome {

  /** The page of a user without any role the console knows. */
  public static final String NO_ROLE = "/no-role";

  private RoleHome() {}

  /** The path of the user's home page. */
  public static String of(ConsoleUser user) {
    if (user.has(Role.ADMIN)) {
      return "/admin";
    }
    if (user.isOperatorStaff()) {
      return "/op/" + user.operator();
    }
    if (user.has(Role.SUPERVISION)) {
      return "/supervision";
    }
    if (user.has(Role.UNIT_MANAGER)) {
      return "/unit/" + user.unit();
    }
    if (user.has(Role.MAINTENANCE)) {
      return "/maintenance";
    }
    if (user.has(Role.DISPATCHER_119)) {
      return "/dispatch";
    }
    return NO_ROLE;
  }
}
