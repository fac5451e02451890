package io.fenghuo.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.idp.DemoUser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class SignInIT extends RunningConsole {

  @ParameterizedTest(name = "{0} lands on {1}")
  @CsvSource({
    "op-a-operator,   /op/op-a,                  operator",
    "op-a-supervisor, /op/op-a,                  operator",
    "op-b-operator,   /op/op-b,                  operator",
    "dispatcher,      /dispatch,                 dispatcher-119",
    "unit-manager,    /unit/U-330106-A001,       unit-manager",
    "supervision,     /supervision,              supervision",
    "admin,           /admin,                    admin"
  })
  void eachRoleLandsOnItsHomePage(String user, String home, String marker) {
    HttpResponse<String> page = signIn(user).last;

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.uri().getPath()).isEqualTo(home);
    assertThat(page.body()).contains("data-home=\"" + marker + "\"").contains("id=\"sign-out\"");
  }

  @Test
  void anOperatorOfOpACannotReachOpBPagesOrData() {
    Browserless opA = signIn("op-a-operator");
    int relayed = stack.relayedTokens.size();

    for (String path : List.of("/op/op-b", "/op/op-b/alarms", "/op/op-b/units", "/op/op-b/x")) {
      HttpResponse<String> page = opA.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.body()).as(path).doesNotContain("Unit of op-b");
    }
    assertThat(stack.relayedTokens).hasSize(relayed);
    assertThat(opA.get("/op/op-a").statusCode()).isEqualTo(200);
  }

  @Test
  void aRoleIsRefusedAreasOfOtherRoles() {
    assertThat(signIn("op-a-operator").get("/admin").statusCode()).isEqualTo(403);
    assertThat(signIn("dispatcher").get("/op/op-a").statusCode()).isEqualTo(403);
    assertThat(signIn("unit-manager").get("/unit/U-330106-A002").statusCode()).isEqualTo(404);
  }

  @Test
  void theServicesGetTheUsersAccessTokenWithRolesAndTenant() throws Exception {
    HttpResponse<String> units = signIn("op-a-supervisor").get("/op/op-a/units");

    assertThat(units.statusCode()).isEqualTo(200);
    assertThat(units.body()).contains("Unit of op-a");
    String token = stack.relayedTokens.get(stack.relayedTokens.size() - 1);
    // Verified with the public half of the development key the services are started with.
    Jwt jwt = NimbusJwtDecoder.withPublicKey(devPublicKey()).build().decode(token);
    assertThat(jwt.getSubject()).isEqualTo("op-a-supervisor");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("operator-supervisor");
    assertThat(jwt.getClaimAsString("operator_id")).isEqualTo("op-a");
    assertThat(jwt.hasClaim("unit_id")).isFalse();
    assertThat(jwt.getIssuer().toString()).isEqualTo(stack.issuer());
  }

  @Test
  void demoUsersCoverEveryRole() {
    assertThat(DemoUser.all().stream().flatMap(u -> u.roles().stream()).distinct())
        .containsExactlyInAnyOrder(io.fenghuo.starter.security.Role.values());
  }

  @Test
  void theLanguageSwitchesToEnglishAndStays() {
    Browserless browser = signIn("op-a-operator");
    assertThat(browser.last.body()).contains("监控中心 op-a").contains("lang=\"zh-CN\"");

    assertThat(browser.get("/op/op-a?lang=en").body()).contains("Monitoring centre op-a");
    assertThat(browser.get("/op/op-a").body())
        .contains("Monitoring centre op-a")
        .contains("lang=\"en\"");
    assertThat(browser.get("/op/op-a?lang=zh-CN").body()).contains("监控中心 op-a");
  }

  @Test
  void signingOutEndsTheConsoleAndTheProviderSession() {
    Browserless browser = signIn("admin");

    HttpResponse<String> after = browser.signOut();

    assertThat(after.uri().getPath()).isEqualTo("/signed-out");
    HttpResponse<String> again = browser.get("/admin");
    assertThat(again.uri().toString()).startsWith(stack.issuer() + "/login");
    assertThat(again.body()).contains("id=\"sign-in\"");
  }

  private static RSAPublicKey devPublicKey() throws Exception {
    String pem = Files.readString(Path.of("../deploy/local/seed/dev-jwt/dev-public.pem"));
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
  }
}
