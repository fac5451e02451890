package io.fenghuo.dispatch.incident.messaging;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts events to the 119 centre's webhook as CloudEvents in HTTP binary mode ({@code ce-*}
 * headers, the data as the JSON body), signed with HMAC-SHA256 over {@code <timestamp>.<body>}
 * ({@value #SIGNATURE_HEADER}: {@code sha256=<hex>}, {@value #TIMESTAMP_HEADER}: Unix seconds), so
 * the centre can check origin and freshness. Retried with exponential back-off on network errors,
 * 5xx, 408 and 429, behind a circuit breaker that stops hammering a centre that is down.
 */
public final class WebhookClient {

  /** The signature header: {@code sha256=} and the hex HMAC-SHA256 of timestamp, '.', body. */
  public static final String SIGNATURE_HEADER = "X-Fenghuo-Signature";

  /** The signing time, Unix seconds; part of the signed text. */
  public static final String TIMESTAMP_HEADER = "X-Fenghuo-Timestamp";

  private final WebhookSettings settings;
  private final HttpClient http;
  private final Retry retry;
  private final CircuitBreaker circuit;

  /**
   * @throws IllegalArgumentException if the settings have no URL
   */
  public WebhookClient(WebhookSettings settings) {
    if (!settings.enabled()) {
      throw new IllegalArgumentException("the webhook path is off: no url");
    }
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    this.circuit =
        CircuitBreaker.of(
            "webhook-119",
            CircuitBreakerConfig.custom()
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(Math.min(5, settings.slidingWindow()))
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openFor())
                // A 4xx other than 408/429 is the centre refusing this record, not the centre
                // being down.
                .ignoreExceptions(Rejected.class)
                .build());
    this.retry =
        Retry.of(
            "webhook-119",
            RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialBackoff(
                        settings.initialBackOff(), settings.multiplier()))
                .retryExceptions(java.io.UncheckedIOException.class, Retryable.class)
                .ignoreExceptions(Rejected.class, CallNotPermittedException.class)
                .build());
  }

  /** The circuit breaker's state, for health and tests. */
  public CircuitBreaker.State circuitState() {
    return circuit.getState();
  }

  /**
   * Delivers one event; blocks through the retries.
   *
   * @param ceHeaders the CloudEvents attributes as {@code ce-*} headers (without the prefix)
   * @param body the event data as JSON
   * @return the outcome; never throws for a failed delivery
   */
  public Delivery deliver(Map<String, String> ceHeaders, String body) {
    AtomicInteger attempts = new AtomicInteger();
    Supplier<Integer> call =
        Retry.decorateSupplier(
            retry,
            CircuitBreaker.decorateSupplier(
                circuit,
                () -> {
                  attempts.incrementAndGet();
                  return post(ceHeaders, body);
                }));
    try {
      int status = call.get();
      return new Delivery(true, attempts.get(), status, "HTTP " + status);
    } catch (Rejected e) {
      return new Delivery(false, attempts.get(), e.status, "refused: HTTP " + e.status);
    } catch (Retryable e) {
      return new Delivery(false, attempts.get(), e.status, "HTTP " + e.status + " after retries");
    } catch (CallNotPermittedException e) {
      return new Delivery(false, attempts.get(), 0, "circuit open: the webhook is failing");
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return new Delivery(false, attempts.get(), 0, cause.toString());
    }
  }

  private int post(Map<String, String> ceHeaders, String body) {
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(settings.url()))
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header(TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(SIGNATURE_HEADER, "sha256=" + sign(settings.secret(), timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    ceHeaders.forEach((name, value) -> request.header("ce-" + name, value));
    HttpResponse<Void> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return status;
    }
    if (status >= 500 || status == 408 || status == 429) {
      throw new Retryable(status);
    }
    throw new Rejected(status);
  }

  /**
   * The signature of a body at a time: hex HMAC-SHA256 of {@code <timestamp>.<body>} (UTF-8).
   *
   * @throws IllegalStateException if the JDK lacks HMAC-SHA256
   */
  public static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /**
   * The outcome of one delivery.
   *
   * @param delivered whether the centre answered 2xx
   * @param attempts how many requests were made (0 if the circuit was open)
   * @param status the last HTTP status, or 0 if none
   * @param detail a short description for the timeline
   */
  public record Delivery(boolean delivered, int attempts, int status, String detail) {}

  /** A status worth retrying. */
  static final class Retryable extends RuntimeException {
    final int status;

    Retryable(int status) {
      super("HTTP " + status, null, false, false);
      this.status = status;
    }
  }

  /** The centre refused the record. */
  static final class Rejected extends RuntimeException {
    final int status;

    Rejected(int status) {
      super("HTTP " + status, null, false, false);
      this.status = status;
    }
  }
}
