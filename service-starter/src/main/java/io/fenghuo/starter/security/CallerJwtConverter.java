package io.fenghuo.starter.security;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified JWT into an authentication whose authorities are the caller's {@link Role}s. A
 * token whose tenant claims do not fit its roles is rejected (401), so that no request ever runs
 * with a role but without the tenant that role is scoped to.
 */
public final class CallerJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Caller caller;
    try {
      caller = Caller.fromClaims(jwt.getClaims());
    } catch (IllegalArgumentException e) {
      throw new InvalidBearerTokenException(e.getMessage(), e);
    }
    List<SimpleGrantedAuthority> authorities =
        caller.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    return new JwtAuthenticationToken(jwt, authorities, caller.subject());
  }
}
