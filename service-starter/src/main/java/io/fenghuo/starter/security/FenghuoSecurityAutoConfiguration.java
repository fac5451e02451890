package io.fenghuo.starter.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The platform's authentication convention for servlet services that are OAuth2 resource servers
 * (ADR 0002): stateless bearer-token authentication with the JWT decoder Spring Boot configures
 * from {@code spring.security.oauth2.resourceserver.jwt.*}; roles and tenant from the token's
 * claims ({@link Caller}); probes, metrics and the API description open, everything else
 * authenticated. Authorization (which role may do what, for which tenant) stays with each service.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({
  JwtAuthenticationToken.class,
  SecurityFilterChain.class,
  WebMvcConfigurer.class
})
public class FenghuoSecurityAutoConfiguration {

  /** Paths anyone may call: probes, metrics scraping and the API description. */
  public static final String[] OPEN_PATHS = {
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/info",
    "/actuator/prometheus",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/error"
  };

  @Bean
  @ConditionalOnMissingBean
  CallerJwtConverter callerJwtConverter() {
    return new CallerJwtConverter();
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain fenghuoSecurityFilterChain(
      HttpSecurity http, CallerJwtConverter converter, ObjectProvider<JwtDecoder> decoders)
      throws Exception {
    // Bearer tokens only: no session, no cookies, so CSRF protection has nothing to protect.
    http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .authorizeHttpRequests(
            a -> a.requestMatchers(OPEN_PATHS).permitAll().anyRequest().authenticated());
    // Without a configured token issuer or key there is no decoder: then nothing but the open
    // paths is reachable (secure by default), instead of failing the start of a service that has
    // no API yet.
    if (decoders.getIfAvailable() != null) {
      http.oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(converter)));
    }
    return http.build();
  }

  @Bean
  WebMvcConfigurer fenghuoCallerArgumentResolver() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
      }
    };
  }
}
