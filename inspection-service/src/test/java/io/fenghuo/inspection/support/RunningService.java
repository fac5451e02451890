package io.fenghuo.inspection.support;

import static org.awaitility.Awaitility.await;

import io.fenghuo.testkit.Api;
import io.fenghuo.testkit.SpringTestProperties;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The inspection-service on a random port against the shared real PostgreSQL and Kafka, with the
 * test token key. Every integration test class extends this unchanged, so the context is built
 * once.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.security.oauth2.resourceserver.jwt.issuer-uri=",
      "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-public.pem",
      "fenghuo.instance=it",
      // New operators' topics are found by the pattern subscriptions within a second.
      "spring.kafka.consumer.properties.metadata.max.age.ms=1000",
      "fenghuo.inspection.timers.tick=200ms",
      "fenghuo.inspection.liveness.startup-grace=0s",
      "fenghuo.inspection.poll.timeout=4s",
      "fenghuo.inspection.status-consumers=3",
      "spring.datasource.hikari.connection-timeout=2000",
      "logging.structured.format.console=",
      "logging.level.org.apache.kafka=WARN"
    })
@Import(Statements.class)
public abstract class RunningService {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SpringTestProperties.kafka(registry);
    SpringTestProperties.postgres(registry, "inspection_service_it");
  }

  @LocalServerPort protected int port;

  @Autowired protected JdbcClient jdbc;

  protected Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  /** GETs the path every 100 ms until it answers 200 with a body that passes; that body. */
  protected JsonNode awaitGet(String path, String token, Predicate<JsonNode> until) {
    JsonNode[] body = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Api.Response r = api.get(path, token);
              body[0] = r.body();
              return r.status() == 200 && until.test(r.body());
            });
    return body[0];
  }
}
