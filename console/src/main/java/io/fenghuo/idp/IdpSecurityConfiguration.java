package io.fenghuo.idp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The local identity provider: Spring Authorization Server with OpenID Connect, the console as its
 * one client (authorization code + PKCE), the demo users, and the claims of ADR 0002 in every
 * token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdpProperties.class)
class IdpSecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(
            as -> {
              http.securityMatcher(as.getEndpointsMatcher());
              as.oidc(Customizer.withDefaults());
            })
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"),
                    new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain signInChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers("/idp.css", "/error", "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(f -> f.loginPage("/login").permitAll());
    return http.build();
  }

  @Bean
  Map<String, DemoUser> demoUsers() {
    return DemoUser.all().stream()
        .collect(Collectors.toUnmodifiableMap(DemoUser::username, Function.identity()));
  }

  @Bean
  UserDetailsService users(Map<String, DemoUser> demoUsers, IdpProperties properties) {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    String password = encoder.encode(properties.demoPassword());
    return new InMemoryUserDetailsManager(
        demoUsers.values().stream()
            .map(u -> User.withUsername(u.username()).password(password).roles("USER").build())
            .toList());
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> tenantClaims(Map<String, DemoUser> demoUsers) {
    return new TenantClaims(name -> Optional.ofNullable(demoUsers.get(name)));
  }

  @Bean
  RegisteredClientRepository clients(IdpProperties properties) {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    RegisteredClient.Builder console =
        RegisteredClient.withId(UUID.nameUUIDFromBytes(properties.clientId().getBytes()).toString())
            .clientId(properties.clientId())
            .clientSecret(encoder.encode(properties.clientSecret()))
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
            .scope(OidcScopes.OPENID)
            .scope(OidcScopes.PROFILE)
            .clientSettings(
                ClientSettings.builder()
                    .requireAuthorizationConsent(false)
                    .requireProofKey(true)
                    .build())
            .tokenSettings(
                TokenSettings.builder()
                    .accessTokenTimeToLive(Duration.ofMinutes(15))
                    .refreshTokenTimeToLive(Duration.ofHours(12))
                    .build());
    List<String> bases = properties.consoleBaseUrls();
    for (String base : bases) {
      String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
      console.redirectUri(trimmed + "/login/oauth2/code/fenghuo");
      console.postLogoutRedirectUri(trimmed + "/signed-out");
    }
    return new InMemoryRegisteredClientRepository(console.build());
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(IdpProperties properties) {
    RSAKey key = SigningKey.load(properties.signingKey());
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
    return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    // No fixed issuer: it is the URL the provider is reached at, as in the console's issuer-uri.
    return AuthorizationServerSettings.builder().build();
  }
}
