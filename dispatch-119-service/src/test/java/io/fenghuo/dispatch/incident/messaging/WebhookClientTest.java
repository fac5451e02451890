package io.fenghuo.dispatch.incident.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook path against a real local HTTP server. */
class WebhookClientTest {

  private HttpServer server;
  private final AtomicInteger status = new AtomicInteger(204);
  private final List<String> signatures = new CopyOnWriteArrayList<>();
  private final List<String> signed = new CopyOnWriteArrayList<>();
  private final List<String> ceIds = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          signatures.add(exchange.getRequestHeaders().getFirst(WebhookClient.SIGNATURE_HEADER));
          signed.add(
              exchange.getRequestHeaders().getFirst(WebhookClient.TIMESTAMP_HEADER) + "." + body);
          ceIds.add(exchange.getRequestHeaders().getFirst("ce-id"));
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private WebhookClient client(int maxAttempts, int window) {
    return new WebhookClient(
        new WebhookSettings(
            "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
            "s3cret",
            Duration.ofSeconds(2),
            maxAttempts,
            Duration.ofMillis(10),
            2.0,
            50,
            window,
            Duration.ofMinutes(1)));
  }

  @Test
  void signsTheTimestampAndBodyWithHmacSha256() throws Exception {
    var delivery = client(3, 10).deliver(Map.of("id", "evt-1"), "{\"a\":1}");

    assertThat(delivery.delivered()).isTrue();
    assertThat(delivery.attempts()).isEqualTo(1);
    assertThat(ceIds).containsExactly("evt-1");
    var mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            "s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        java.util.HexFormat.of()
            .formatHex(mac.doFinal(signed.get(0).getBytes(StandardCharsets.UTF_8)));
    assertThat(signatures).containsExactly("sha256=" + expected);
    assertThat(signed.get(0)).endsWith(".{\"a\":1}");
  }

  @Test
  void retriesA500UpToTheLimitAndReportsTheFailure() {
    status.set(500);

    var delivery = client(3, 10).deliver(Map.of("id", "evt-2"), "{}");

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.attempts()).isEqualTo(3);
    assertThat(delivery.status()).isEqualTo(500);
  }

  @Test
  void doesNotRetryARefusal() {
    status.set(422);

    var delivery = client(3, 10).deliver(Map.of("id", "evt-3"), "{}");

    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.attempts()).isEqualTo(1);
    assertThat(delivery.status()).isEqualTo(422);
  }

  @Test
  void theCircuitOpensWhenTheCentreKeepsFailingAndThenCallsStop() {
    status.set(503);
    WebhookClient client = client(1, 4);
    for (int i = 0; i < 4; i++) {
      client.deliver(Map.of("id", "evt-" + i), "{}");
    }
    int requestsBefore = ceIds.size();

    var delivery = client.deliver(Map.of("id", "evt-late"), "{}");

    assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(delivery.delivered()).isFalse();
    assertThat(delivery.detail()).contains("circuit open");
    assertThat(ceIds).hasSize(requestsBefore);
  }
}
