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
  }

  private static Jwt jwt(Map<String, Object> claims) {
    return new Jwt(
        "token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
  }
}
