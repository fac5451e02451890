package io.fenghuo.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleHomeTest {

  static ConsoleUser user(Map<String, Object> claims) {
    return ConsoleUser.fromClaims(claims);
  }

  @Test
  void eachRoleHasItsHome() {
    assertThat(RoleHome.of(user(Map.of("sub", "a", "roles", List.of("admin")))))
        .isEqualTo("/admin");
    assertThat(
            RoleHome.of(
                user(Map.of("sub", "o", "roles", List.of("operator"), "operator_id", "op-b"))))
        .isEqualTo("/op/op-b");
    assertThat(RoleHome.of(user(Map.of("sub", "s", "roles", List.of("supervision")))))
        .isEqualTo("/supervision");
    assertThat(
            RoleHome.of(
                user(Map.of("sub", "u", "roles", List.of("unit-manager"), "unit_id", "U-1"))))
        .isEqualTo("/unit/U-1");
    assertThat(RoleHome.of(user(Map.of("sub", "d", "roles", List.of("dispatcher-119")))))
        .isEqualTo("/dispatch");
    assertThat(
            RoleHome.of(
                user(
                    Map.of(
                        "sub",
                        "m",
                        "roles",
                        List.of("maintenance"),
                        "maintenance_company",
                        "浙江众安消防技术服务有限公司"))))
        .isEqualTo("/maintenance");
    assertThat(RoleHome.of(user(Map.of("sub", "n", "roles", List.of("janitor")))))
        .isEqualTo(RoleHome.NO_ROLE);
  }

  @Test
  void theBroadestRoleWins() {
    ConsoleUser both =
        user(
            Map.of(
                "sub", "x", "roles", List.of("dispatcher-119", "operator"), "operator_id", "op-a"));
    assertThat(RoleHome.of(both)).isEqualTo("/op/op-a");
  }

  @Test
  void aMaintenanceRoleWithoutItsCompanyIsRefused() {
    assertThatThrownBy(() -> user(Map.of("sub", "x", "roles", List.of("maintenance"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maintenance_company");
  }

  @Test
  void anOperatorRoleWithoutOperatorIsRefused() {
    assertThatThrownBy(() -> user(Map.of("sub", "x", "roles", List.of("operator"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operator_id");
  }

  @Test
  void operatorStaffReadOnlyTheirOperatorAndSupervisionReadsAll() {
    ConsoleUser opA = user(Map.of("sub", "o", "roles", List.of("operator"), "operator_id", "op-a"));
    ConsoleUser supervision = user(Map.of("sub", "s", "roles", List.of("supervision")));
    ConsoleUser manager =
        user(Map.of("sub", "u", "roles", List.of("unit-manager"), "unit_id", "U-1"));

    assertThat(TenantAccess.mayReadOperator(opA, "op-a")).isTrue();
    assertThat(TenantAccess.mayReadOperator(opA, "op-b")).isFalse();
    assertThat(TenantAccess.mayReadUnit(opA, "U-1")).isFalse();
    assertThat(TenantAccess.mayReadOperator(supervision, "op-b")).isTrue();
    assertThat(TenantAccess.mayReadUnit(manager, "U-1")).isTrue();
    assertThat(TenantAccess.mayReadUnit(manager, "U-2")).isFalse();
    assertThat(TenantAccess.mayReadOperator(manager, "op-a")).isFalse();
  }
}
