package io.fenghuo.idp;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.starter.security.Caller;
import io.fenghuo.starter.security.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A demo user of the local identity provider: who signs in and which claims of ADR 0002 the tokens
 * carry. Validated like a token would be ({@link Caller}), so a demo user can never hold a role
 * without the tenant that role needs.
 *
 * @param username the sign-in name and the tokens' {@code sub}; never blank
 * @param displayName the {@code name} claim shown in the console's user menu; never null
 * @param roles the {@code roles} claim; never null
 * @param operator the {@code operator_id} claim, or null
 * @param unit the {@code unit_id} claim, or null
 * @param maintenanceCompany the {@code maintenance_company} claim, or null
 */
public record DemoUser(
    String username,
    String displayName,
    Set<Role> roles,
    OperatorId operator,
    UnitId unit,
    String maintenanceCompany) {

  /**
   * @throws IllegalArgumentException if a role lacks the tenant claim it needs
   */
  public DemoUser {
    Objects.requireNonNull(displayName, "displayName");
    maintenanceCompany =
        new Caller(username, roles, operator, unit, maintenanceCompany).maintenanceCompany();
    roles = Set.copyOf(roles);
  }

  /** The claims this user's access and ID tokens carry beside the standard ones (ADR 0002). */
  public Map<String, Object> tenantClaims() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put(Caller.ROLES_CLAIM, roles.stream().map(Role::claimValue).sorted().toList());
    if (operator != null) {
      claims.put(Caller.OPERATOR_CLAIM, operator.toString());
    }
    if (unit != null) {
      claims.put(Caller.UNIT_CLAIM, unit.toString());
    }
    if (maintenanceCompany != null) {
      claims.put(Caller.MAINTENANCE_COMPANY_CLAIM, maintenanceCompany);
    }
    claims.put("name", displayName);
    return claims;
  }

  static DemoUser of(String username, String displayName, Role role, String operator, String unit) {
    return new DemoUser(
        username,
        displayName,
        Set.of(role),
        operator == null ? null : OperatorId.of(operator),
        unit == null ? null : UnitId.of(unit),
        null);
  }

  /** The maintenance company (维保单位) whose contracts the seed holds most often. */
  public static final String DEMO_COMPANY = "浙江众安消防技术服务有限公司";

  /** The demo users: one per role, operator staff of two competing operators. */
  public static List<DemoUser> all() {
    return List.of(
        of("op-a-operator", "张伟 (op-a 值班员)", Role.OPERATOR, "op-a", null),
        of("op-a-supervisor", "李娜 (op-a 值班长)", Role.OPERATOR_SUPERVISOR, "op-a", null),
        of("op-b-operator", "王芳 (op-b 值班员)", Role.OPERATOR, "op-b", null),
        of("dispatcher", "刘洋 (119 调度员)", Role.DISPATCHER_119, null, null),
        of("unit-manager", "陈静 (西湖区人民医院)", Role.UNIT_MANAGER, null, "U-330106-A001"),
        new DemoUser(
            "maintenance", "孙浩 (浙江众安消防 维保)", Set.of(Role.MAINTENANCE), null, null, DEMO_COMPANY),
        of("supervision", "赵军 (消防监督)", Role.SUPERVISION, null, null),
        of("admin", "系统管理员", Role.ADMIN, null, null));
  }
}
