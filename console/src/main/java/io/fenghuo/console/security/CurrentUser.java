package io.fenghuo.console.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The signed-in user of the current request. */
public final class CurrentUser {

  private CurrentUser() {}

  public static Optional<ConsoleUser> get() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  public static Optional<ConsoleUser> of(Authentication authentication) {
    if (authentication != null && authentication.getPrincipal() instanceof OidcUser oidc) {
      return Optional.of(ConsoleUser.fromClaims(oidc.getClaims()));
    }
    return Optional.empty();
  }
}
