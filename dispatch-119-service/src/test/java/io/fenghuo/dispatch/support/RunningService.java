package io.fenghuo.dispatch.support;

import io.fenghuo.testkit.Api;
import io.fenghuo.testkit.SpringTestProperties;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dispatch-119 service running on a random port against the shared real PostgreSQL and Kafka,
 * with the test token key, short timers (no receipt in 3 s: resend; 3 s more: escalate) and the
 * webhook path pointed at a real local {@link WebhookServer}. Every integration test class extends
 * this unchanged, so Spring builds the context once for all of them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.security.oauth2.resourceserver.jwt.issuer-uri=",
      "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-public.pem",
      "fenghuo.instance=it",
      "fenghuo.dispatch.ack-timeout=3s",
      "fenghuo.dispatch.resends-before-escalation=1",
      "fenghuo.dispatch.timer-period=200ms",
      "fenghuo.dispatch.centre-phone=0571-119",
      "fenghuo.dispatch.communication-test.timeout=4s",
      "fenghuo.dispatch.communication-test.cron=-",
      "fenghuo.dispatch.webhook.secret=" + WebhookServer.SECRET,
      "fenghuo.dispatch.webhook.initial-back-off=50ms",
      "fenghuo.dispatch.webhook.max-attempts=4",
      // A new operator's alarm topic is picked up within a second.
      "spring.kafka.consumer.properties.metadata.max.age.ms=1000",
      "spring.datasource.hikari.connection-timeout=2000",
      "logging.structured.format.console=",
      "logging.level.org.apache.kafka=WARN"
    })
public abstract class RunningService {

  protected static final WebhookServer WEBHOOK = new WebhookServer();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SpringTestProperties.kafka(registry);
    SpringTestProperties.postgres(registry, "dispatch_service_it");
    registry.add("fenghuo.dispatch.webhook.url", WEBHOOK::url);
  }

  @LocalServerPort protected int port;

  protected Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }
}
