package io.fenghuo.starter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class CallerTest {

  @Test
  void anOperatorTokenActsForItsOperator() {
    Caller caller =
        Caller.fromClaims(
            Map.of("sub", "alice", "roles", List.of("operator"), "operator_id", "op-a"));

    assertThat(caller.roles()).containsExactly(Role.OPERATOR);
    assertThat(caller.operator()).isEqualTo(OperatorId.of("op-a"));
  }

  @Test
  void aUnitManagerTokenActsForItsUnit() {
    Caller caller =
        Caller.fromClaims(
            Map.of("sub", "bob", "roles", List.of("unit-manager"), "unit_id", "U-330106-A001"));

    assertThat(caller.unit()).isEqualTo(UnitId.of("U-330106-A001"));
  }

  @Test
  void aMaintenanceTokenActsForItsCompany() {
    Caller caller =
        Caller.fromClaims(
            Map.of(
                "sub",
                "dan",
                "roles",
                List.of("maintenance"),
                "maintenance_company",
                " 浙江众安消防技术服务有限公司 "));

    assertThat(caller.roles()).containsExactly(Role.MAINTENANCE);
    assertThat(caller.maintenanceCompany()).isEqualTo("浙江众安消防技术服务有限公司");
    assertThat(caller.operator()).isNull();
    assertThat(caller.unit()).isNull();
  }

  @Test
  void aMaintenanceRoleWithoutItsCompanyIsRefused() {
    assertThatThrownBy(
            () -> Caller.fromClaims(Map.of("sub", "mallory", "roles", List.of("maintenance"))))
        .hasMessageContaining("maintenance_company");
    assertThatThrownBy(
            () ->
                Caller.fromClaims(
                    Map.of(
                        "sub", "m", "roles", List.of("maintenance"), "maintenance_company", "  ")))
        .hasMessageContaining("maintenance_company");
  }

  @Test
  void aMalformedCompanyClaimIsRefusedWithTheRule() {
    assertThatThrownBy(
            () ->
                Caller.fromClaims(
                    Map.of("sub", "m", "roles", List.of("maintenance"), "maintenance_company", 42)))
        .hasMessageContaining("must be a string");
    assertThatThrownBy(
            () ->
                Caller.fromClaims(
                    Map.of(
                        "sub",
                        "m",
                        "roles",
                        List.of("maintenance"),
                        "maintenance_company",
                        "众安\n消防")))
        .hasMessageContaining("control characters");
    assertThatThrownBy(
            () ->
                Caller.fromClaims(
                    Map.of(
                        "sub",
                        "m",
                        "roles",
                        List.of("maintenance"),
                        "maintenance_company",
                        "x".repeat(201))))
        .hasMessageContaining("at most 200");
  }

  @Test
  void unknownRolesAreIgnoredSoNewerIdentityProvidersDoNotBreakOlderServices() {
    Caller caller = Caller.fromClaims(Map.of("sub", "carol", "roles", List.of("auditor")));

    assertThat(caller.roles()).isEmpty();
  }

  @Test
  void anOperatorRoleWithoutAnOperatorClaimIsRefused() {
    assertThatThrownBy(
            () -> Caller.fromClaims(Map.of("sub", "mallory", "roles", List.of("operator"))))
        .hasMessageContaining("operator_id");
  }

  @Test
  void aMalformedOperatorClaimIsRefusedWithTheRule() {
    assertThatThrownBy(
            () ->
                Caller.fromClaims(
                    Map.of("sub", "m", "roles", List.of("operator"), "operator_id", "OP A")))
        .hasMessageContaining("operator id");
  }

  @Test
  void theConverterGrantsOneAuthorityPerRoleAndRejectsInconsistentTokens() {
    var converter = new CallerJwtConverter();

    var authentication =
        converter.convert(
            jwt(Map.of("sub", "s", "roles", List.of("supervision", "admin", "whatever"))));

    assertThat(authentication.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder("ROLE_SUPERVISION", "ROLE_ADMIN");
    assertThat(authentication.getName()).isEqualTo("s");
    assertThatThrownBy(
            () -> converter.convert(jwt(Map.of("sub", "s", "roles", List.of("unit-manager")))))
        .isInstanceOf(InvalidBearerTokenException.class)
        .hasMessageContaining("unit_id");
    assertThat(
            converter
                .convert(
                    jwt(
                        Map.of(
                            "sub",
                            "s",
                            "roles",
                            List.of("maintenance"),
                            "maintenance_company",
                            "众安")))
                .getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_MAINTENANCE");
    assertThatThrownBy(
            () -> converter.convert(jwt(Map.of("sub", "s", "roles", List.of("maintenance")))))
        .isInstanceOf(InvalidBearerTokenException.class)
        .hasMessageContaining("maintenance_company");
  }

  private static Jwt jwt(Map<String, Object> claims) {
    return new Jwt(
        "token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
  }
}
