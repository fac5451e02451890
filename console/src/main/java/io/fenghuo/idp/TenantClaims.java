package io.fenghuo.idp;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the claims of ADR 0002 ({@code roles}, {@code operator_id}, {@code unit_id}) into every
 * access token (what the services check) and ID token (what the console reads at sign-in) issued
 * for a user. Any production provider does the same with its own mapper (Keycloak: a protocol
 * mapper per claim).
 */
final class TenantClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final Function<String, Optional<DemoUser>> users;

  TenantClaims(Function<String, Optional<DemoUser>> users) {
    this.users = users;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    OAuth2TokenType type = context.getTokenType();
    boolean forUser =
        OAuth2TokenType.ACCESS_TOKEN.equals(type)
            || OidcParameterNames.ID_TOKEN.equals(type.getValue());
    if (!forUser || context.getPrincipal() == null) {
      return;
    }
    users
        .apply(context.getPrincipal().getName())
        .map(DemoUser::tenantClaims)
        .ifPresent(claims -> context.getClaims().claims(c -> c.putAll(claims)));
  }
}
