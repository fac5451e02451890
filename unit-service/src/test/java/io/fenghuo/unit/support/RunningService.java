package io.fenghuo.unit.support;

import io.fenghuo.testkit.Api;
import io.fenghuo.testkit.SpringTestProperties;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The unit-service running on a random port against the shared real PostgreSQL and Kafka, with the
 * test token key. Every integration test class extends this unchanged, so Spring builds the context
 * once for all of them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.security.oauth2.resourceserver.jwt.issuer-uri=",
      "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-public.pem",
      "fenghuo.unit.stream.partitions=1",
      "fenghuo.instance=it",
      // The shared PostgreSQL stops in a JVM shutdown hook, possibly before the context closes;
      // the publication registry's last query must then fail fast instead of waiting 30 s.
      "spring.datasource.hikari.connection-timeout=2000",
      "logging.structured.format.console=",
      "logging.level.org.apache.kafka=WARN"
    })
public abstract class RunningService {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SpringTestProperties.kafka(registry);
    SpringTestProperties.postgres(registry, "unit_service_it");
  }

  @LocalServerPort protected int port;

  protected Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }
}
