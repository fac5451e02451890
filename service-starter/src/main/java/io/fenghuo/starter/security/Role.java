package io.fenghuo.starter.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The platform's roles, as the {@code roles} claim of an access token names them (ADR 0002). A
 * service decides what each role may do; the tenant a role acts for comes with the token as well
 * ({@link Caller}).
 */
public enum Role {
  /** Monitoring-centre operator (运营服务机构值班员); acts for the operator in {@code operator_id}. */
  OPERATOR("operator"),
  /** The operator's shift supervisor; acts for the operator in {@code operator_id}. */
  OPERATOR_SUPERVISOR("operator-supervisor"),
  /** Dispatcher of the city's 119 command centre (城市消防通信指挥中心). */
  DISPATCHER_119("dispatcher-119"),
  /** A networked unit's fire-safety manager; acts for the unit in {@code unit_id}. */
  UNIT_MANAGER("unit-manager"),
  /**
   * Staff of a maintenance company (维保单位人员); acts for the company named in {@code
   * maintenance_company}: sees and works the fault work orders assigned to that company, for units
   * of any operator.
   */
  MAINTENANCE("maintenance"),
  /** Fire supervision officer (消防监督): reads region-wide. */
  SUPERVISION("supervision"),
  /** Platform administrator. */
  ADMIN("admin");

  private final String claimValue;

  Role(String claimValue) {
    this.claimValue = claimValue;
  }

  /** The value in the {@code roles} claim, e.g. {@code operator-supervisor}. */
  public String claimValue() {
    return claimValue;
  }

  /** The Spring Security authority of this role, e.g. {@code ROLE_OPERATOR_SUPERVISOR}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** Whether this role acts for one operator and must come with an {@code operator_id}. */
  public boolean actsForOperator() {
    return this == OPERATOR || this == OPERATOR_SUPERVISOR;
  }

  /** The role with this claim value, if any. */
  public static Optional<Role> fromClaim(String value) {
    return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
  }
}
