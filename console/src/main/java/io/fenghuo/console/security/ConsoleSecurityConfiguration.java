package io.fenghuo.console.security;

import io.fenghuo.starter.security.Role;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in with OpenID Connect (any provider, by issuer URI), a session per browser, and the role
 * each area of the console needs. Which tenant a page belongs to is checked by {@link TenantGuard}:
 * another tenant's page is 404, a page of a role the user lacks 403 (ADR 0002).
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

  /** Paths anyone may load: static assets, probes, the page shown after signing out. */
  static final String[] OPEN_PATHS = {
    "/webjars/**",
    "/css/**",
    "/js/**",
    "/img/**",
    "/favicon.ico",
    "/signed-out",
    "/error",
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/info",
    "/actuator/prometheus"
  };

  @Bean
  SecurityFilterChain consoleSecurityFilterChain(
      HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
    OidcClientInitiatedLogoutSuccessHandler signedOut =
        new OidcClientInitiatedLogoutSuccessHandler(registrations);
    signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
    http.authorizeHttpRequests(
            a ->
                // A live stream's async dispatches (when it ends) belong to a request that was
                // authorized when the stream opened.
                a.dispatcherTypeMatchers(DispatcherType.ASYNC)
                    .permitAll()
                    .requestMatchers(OPEN_PATHS)
                    .permitAll()
                    .requestMatchers("/op/**")
                    .hasAnyRole(
                        role(Role.OPERATOR),
                        role(Role.OPERATOR_SUPERVISOR),
                        role(Role.SUPERVISION),
                        role(Role.ADMIN))
                    .requestMatchers("/unit/**")
                    .hasAnyRole(role(Role.UNIT_MANAGER), role(Role.SUPERVISION), role(Role.ADMIN))
                    .requestMatchers("/dispatch/**")
                    .hasAnyRole(role(Role.DISPATCHER_119), role(Role.ADMIN))
                    .requestMatchers("/maintenance", "/maintenance/**")
                    .hasRole(role(Role.MAINTENANCE))
                    .requestMatchers("/supervision/**")
                    .hasAnyRole(role(Role.SUPERVISION), role(Role.ADMIN))
                    .requestMatchers("/admin/**")
                    .hasRole(role(Role.ADMIN))
                    .anyRequest()
                    .authenticated())
        .oauth2Login(o -> o.userInfoEndpoint(u -> u.oidcUserService(new ConsoleOidcUserService())))
        .logout(l -> l.logoutSuccessHandler(signedOut));
    return http.build();
  }

  private static String role(Role role) {
    return role.name();
  }
}
