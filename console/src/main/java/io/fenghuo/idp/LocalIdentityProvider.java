package io.fenghuo.idp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The small OpenID Connect provider of the local run and the tests (ADR 0003): its own Spring Boot
 * application in the console module, on its own port, with its own configuration ({@code
 * idp.properties}) and session cookie. The console treats it like any production provider: it knows
 * only its issuer URI.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({IdpSecurityConfiguration.class, SignInPage.class})
public class LocalIdentityProvider {

  /** Starts the provider; arguments as for any Spring Boot application ({@code --server.port}). */
  public static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(LocalIdentityProvider.class)
        .properties("spring.config.name=idp")
        .run(args);
  }

  public static void main(String[] args) {
    start(args);
  }
}
