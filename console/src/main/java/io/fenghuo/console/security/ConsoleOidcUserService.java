package io.fenghuo.console.security;

import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signs a user in from the ID token: roles become authorities {@code ROLE_<ROLE>} (as in the
 * services), and a user whose tenant claims do not fit the roles is refused, as the services would
 * refuse the access token (ADR 0002).
 */
public final class ConsoleOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService delegate = new OidcUserService();

  @Override
  public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
    OidcUser user = delegate.loadUser(request);
    ConsoleUser consoleUser;
    try {
      consoleUser = ConsoleUser.fromClaims(user.getClaims());
    } catch (IllegalArgumentException e) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, e.getMessage(), null), e);
    }
    Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
    consoleUser
        .caller()
        .roles()
        .forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
    return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
  }
}
