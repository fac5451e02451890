package io.fenghuo.console.security;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.starter.security.Caller;
import io.fenghuo.starter.security.Role;
import java.util.Map;
import java.util.Objects;

/**
 * The signed-in user as the console sees them: the {@link Caller} of ADR 0002 (read from the ID
 * token, which carries the same claims as the access token the services check) and a display name.
 *
 * @param caller subject, roles and tenant; never null
 * @param displayName the {@code name} claim, else the subject; never null
 */
public record ConsoleUser(Caller caller, String displayName) {

  public ConsoleUser {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(displayName, "displayName");
  }

  /**
   * Reads the user from token claims.
   *
   * @throws IllegalArgumentException if the claims break ADR 0002
   */
  public static ConsoleUser fromClaims(Map<String, Object> claims) {
    Caller caller = Caller.fromClaims(claims);
    Object name = claims.get("name");
    return new ConsoleUser(caller, name instanceof String s && !s.isBlank() ? s : caller.subject());
  }

  /** The operator an operator role acts for, or null. */
  public OperatorId operator() {
    return caller.operator();
  }

  /** The unit a unit manager acts for, or null. */
  public UnitId unit() {
    return caller.unit();
  }

  /** The maintenance company a maintenance role acts for, or null. */
  public String maintenanceCompany() {
    return caller.maintenanceCompany();
  }

  public boolean has(Role role) {
    return caller.has(role);
  }

  public boolean hasAny(Role... roles) {
    return caller.hasAny(roles);
  }

  /** Whether the user works in an operator's monitoring centre. */
  public boolean isOperatorStaff() {
    return caller.hasAny(Role.OPERATOR, Role.OPERATOR_SUPERVISOR);
  }
}
