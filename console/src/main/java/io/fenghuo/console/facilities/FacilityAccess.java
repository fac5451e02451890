package io.fenghuo.console.facilities;

import io.fenghuo.console.security.ConsoleUser;
import io.fenghuo.console.security.CurrentUser;
import io.fenghuo.starter.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a user may do on the facility pages, mirroring the inspection-service's rules (its README,
 * "Roles") so that pages offer only what the service would accept; the service checks every call
 * again.
 */
final class FacilityAccess {

  private FacilityAccess() {}

  static ConsoleUser user() {
    return CurrentUser.get()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
  }

  /**
   * 已受理 / 已维修: operator staff, admin, a unit manager for its own unit, a maintenance company for
   * the work orders assigned to it.
   */
  static boolean mayRecordWorkOrders(ConsoleUser user) {
    return user.hasAny(
        Role.OPERATOR, Role.OPERATOR_SUPERVISOR, Role.ADMIN, Role.UNIT_MANAGER, Role.MAINTENANCE);
  }

  /** 立即巡检: operator staff and admin. */
  static boolean mayPoll(ConsoleUser user) {
    return user.hasAny(Role.OPERATOR, Role.OPERATOR_SUPERVISOR, Role.ADMIN);
  }

  /** The unit's poll period: operator supervisors and admin. */
  static boolean maySetPollPeriod(ConsoleUser user) {
    return user.hasAny(Role.OPERATOR_SUPERVISOR, Role.ADMIN);
  }

  /**
   * The {@code ?operator=} a list call needs: admin and supervision read every operator and name
   * the one they look at; operator staff are scoped by their token.
   */
  static String operatorParameter(ConsoleUser user, String operator) {
    return user.isOperatorStaff() ? null : operator;
  }

  static void require(boolean allowed) {
    if (!allowed) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
  }
}
