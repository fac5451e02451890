package io.fenghuo.console.alarms;

import io.fenghuo.console.security.ConsoleUser;
import io.fenghuo.starter.security.Role;

/**
 * What a user may do with alarms in the console, mirroring the alarm-service's rules ({@code
 * alarm-api.md}) so that pages offer only what the service would accept: the service checks every
 * action again.
 */
final class AlarmAccess {

  private AlarmAccess() {}

  /** Claim, call, note, confirm, dismiss: operator staff and admin. */
  static boolean mayAct(ConsoleUser user) {
    return user.hasAny(Role.OPERATOR, Role.OPERATOR_SUPERVISOR, Role.ADMIN);
  }

  /** Take over another seat's claim, edit the policy and action plans. */
  static boolean maySupervise(ConsoleUser user) {
    return user.hasAny(Role.OPERATOR_SUPERVISOR, Role.ADMIN);
  }

  /**
   * The {@code ?operator=} a list call needs: admin and supervision read every operator and name
   * the one they look at; operator staff are scoped by their token.
   */
  static String operatorParameter(ConsoleUser user, String operator) {
    return user.isOperatorStaff() ? null : operator;
  }
}
