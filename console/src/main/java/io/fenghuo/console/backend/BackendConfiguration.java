package io.fenghuo.console.backend;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Calls to the backend services carry the signed-in user's access token (token relay), refreshed
 * when it has expired; the services check role and tenant themselves (ADR 0002).
 */
@Configuration(proxyBeanMethods = false)
class BackendConfiguration {

  /** The client registration of the console's OpenID Connect provider. */
  static final String REGISTRATION = "fenghuo";

  @Bean
  RestClient backendClient(OAuth2AuthorizedClientManager authorizedClients) {
    OAuth2ClientHttpRequestInterceptor relay =
        new OAuth2ClientHttpRequestInterceptor(authorizedClients);
    relay.setClientRegistrationIdResolver(request -> REGISTRATION);
    return RestClient.builder().requestInterceptor(relay).build();
  }
}
