package io.fenghuo.idp;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.starter.security.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoUserTest {

  @Test
  void tokensCarryTheClaimsOfAdr0002() {
    Map<String, DemoUser> users = new HashMap<>();
    DemoUser.all().forEach(u -> users.put(u.username(), u));

    assertThat(users.get("op-b-operator").tenantClaims())
        .containsEntry("roles", List.of("operator"))
        .containsEntry("operator_id", "op-b")
        .doesNotContainKey("unit_id");
    assertThat(users.get("unit-manager").tenantClaims())
        .containsEntry("roles", List.of("unit-manager"))
        .containsEntry("unit_id", "U-330106-A001")
        .doesNotContainKey("operator_id");
    assertThat(users.get("dispatcher").tenantClaims())
        .containsEntry("roles", List.of("dispatcher-119"))
        .doesNotContainKeys("operator_id", "unit_id");
    assertThat(users.get("maintenance").tenantClaims())
        .containsEntry("roles", List.of("maintenance"))
        .containsEntry("maintenance_company", "浙江众安消防技术服务有限公司")
        .doesNotContainKeys("operator_id", "unit_id");
    assertThat(users.get("op-a-operator").tenantClaims()).doesNotContainKey("maintenance_company");
  }

  @Test
  void everyDemoUsersClaimsAreAcceptedByTheServicesConvention() {
    for (DemoUser user : DemoUser.all()) {
      Map<String, Object> claims = new HashMap<>(user.tenantClaims());
      claims.put("sub", user.username());
      Caller caller = Caller.fromClaims(claims);
      assertThat(caller.roles()).isEqualTo(user.roles());
      assertThat(caller.operator()).isEqualTo(user.operator());
      assertThat(caller.unit()).isEqualTo(user.unit());
      assertThat(caller.maintenanceCompany()).isEqualTo(user.maintenanceCompany());
    }
  }
}
