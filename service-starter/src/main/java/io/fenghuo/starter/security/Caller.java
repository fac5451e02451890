package io.fenghuo.starter.security;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the access token says (ADR 0002): the subject, the roles and the tenant the
 * roles act for. Controllers take it as a parameter; services map it to their own access rules and
 * scope every query by it.
 *
 * @param subject the token's {@code sub}; never null
 * @param roles the known roles in the {@code roles} claim; never null, may be empty
 * @param operator the {@code operator_id} claim, or null; never null when a role {@link
 *     Role#actsForOperator() acts for an operator}
 * @param unit the {@code unit_id} claim, or null; never null for {@link Role#UNIT_MANAGER}
 * @param maintenanceCompany the {@code maintenance_company} claim (the company's registered name,
 *     as the units' maintenance contracts name it), or null; never null for {@link
 *     Role#MAINTENANCE}
 */
public record Caller(
    String subject, Set<Role> roles, OperatorId operator, UnitId unit, String maintenanceCompany) {

  /** Claim naming the roles: an array of strings. */
  public static final String ROLES_CLAIM = "roles";

  /** Claim naming the operator an operator role acts for. */
  public static final String OPERATOR_CLAIM = "operator_id";

  /** Claim naming the unit a unit manager acts for. */
  public static final String UNIT_CLAIM = "unit_id";

  /** Claim naming the maintenance company (维保单位) a maintenance role acts for. */
  public static final String MAINTENANCE_COMPANY_CLAIM = "maintenance_company";

  /** The longest company name accepted in {@link #MAINTENANCE_COMPANY_CLAIM}. */
  public static final int MAX_COMPANY_LENGTH = 200;

  /**
   * @throws IllegalArgumentException if a role lacks the tenant claim it needs, or the company name
   *     is blank, longer than {@link #MAX_COMPANY_LENGTH} or holds control characters
   */
  public Caller {
    Objects.requireNonNull(subject, "subject");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    if (operator == null && roles.stream().anyMatch(Role::actsForOperator)) {
      throw new IllegalArgumentException(
          "a token with an operator role must carry the '" + OPERATOR_CLAIM + "' claim");
    }
    if (unit == null && roles.contains(Role.UNIT_MANAGER)) {
      throw new IllegalArgumentException(
          "a token with the unit-manager role must carry the '" + UNIT_CLAIM + "' claim");
    }
    if (maintenanceCompany != null) {
      maintenanceCompany = company(maintenanceCompany);
    }
    if (maintenanceCompany == null && roles.contains(Role.MAINTENANCE)) {
      throw new IllegalArgumentException(
          "a token with the maintenance role must carry the '"
              + MAINTENANCE_COMPANY_CLAIM
              + "' claim");
    }
  }

  /** A caller without a maintenance company (every role but {@link Role#MAINTENANCE}). */
  public Caller(String subject, Set<Role> roles, OperatorId operator, UnitId unit) {
    this(subject, roles, operator, unit, null);
  }

  /**
   * Reads a caller from token claims. Unknown role names are ignored, so that a newer identity
   * provider may issue roles an older service does not know.
   *
   * @throws IllegalArgumentException naming the claim if a claim is malformed or missing
   */
  public static Caller fromClaims(Map<String, Object> claims) {
    Object sub = claims.get("sub");
    if (!(sub instanceof String subject) || subject.isBlank()) {
      throw new IllegalArgumentException("the token has no 'sub' claim");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Object raw = claims.get(ROLES_CLAIM);
    if (raw instanceof Collection<?> values) {
      for (Object value : values) {
        Role.fromClaim(String.valueOf(value)).ifPresent(roles::add);
      }
    } else if (raw != null) {
      throw new IllegalArgumentException("the '" + ROLES_CLAIM + "' claim must be an array");
    }
    return new Caller(
        subject,
        roles,
        text(claims, OPERATOR_CLAIM).map(OperatorId::of).orElse(null),
        text(claims, UNIT_CLAIM).map(UnitId::of).orElse(null),
        text(claims, MAINTENANCE_COMPANY_CLAIM).orElse(null));
  }

  /** Whether the caller has the role. */
  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether the caller has any of the roles. */
  public boolean hasAny(Role... candidates) {
    for (Role r : candidates) {
      if (roles.contains(r)) {
        return true;
      }
    }
    return false;
  }

  private static String company(String name) {
    String trimmed = name.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(
          "the '" + MAINTENANCE_COMPANY_CLAIM + "' claim must not be blank");
    }
    if (trimmed.length() > MAX_COMPANY_LENGTH) {
      throw new IllegalArgumentException(
          "the '"
              + MAINTENANCE_COMPANY_CLAIM
              + "' claim must be at most "
              + MAX_COMPANY_LENGTH
              + " characters");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "the '" + MAINTENANCE_COMPANY_CLAIM + "' claim must not hold control characters");
    }
    return trimmed;
  }

  private static Optional<String> text(Map<String, Object> claims, String name) {
    Object value = claims.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("the '" + name + "' claim must be a string");
    }
    return Optional.of(s);
  }
}
