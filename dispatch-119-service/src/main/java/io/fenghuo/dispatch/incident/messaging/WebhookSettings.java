package io.fenghuo.dispatch.incident.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The second path to the 119 centre, under {@code fenghuo.dispatch.webhook.*}.
 *
 * @param url the centre's endpoint; empty or unset switches the path off
 * @param secret the shared HMAC-SHA256 key; required when a URL is set
 * @param timeout per request
 * @param maxAttempts attempts per record, the first included, before it counts as failed
 * @param initialBackOff the wait before the second attempt, multiplied after each further one
 * @param multiplier back-off multiplier
 * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
 * @param slidingWindow calls the failure rate is taken over
 * @param openFor how long an open circuit refuses calls before it tries again
 */
@ConfigurationProperties("fenghuo.dispatch.webhook")
public record WebhookSettings(
    String url,
    String secret,
    Duration timeout,
    int maxAttempts,
    Duration initialBackOff,
    double multiplier,
    float failureRateThreshold,
    int slidingWindow,
    Duration openFor) {

  public WebhookSettings {
    url = url == null || url.isBlank() ? null : url.strip();
    timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    maxAttempts = maxAttempts < 1 ? 5 : maxAttempts;
    initialBackOff = initialBackOff == null ? Duration.ofMillis(200) : initialBackOff;
    multiplier = multiplier < 1 ? 2.0 : multiplier;
    failureRateThreshold = failureRateThreshold <= 0 ? 50 : failureRateThreshold;
    slidingWindow = slidingWindow < 1 ? 10 : slidingWindow;
    openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
    if (url != null && (secret == null || secret.isBlank())) {
      throw new IllegalArgumentException(
          "fenghuo.dispatch.webhook.secret is required when a webhook url is set");
    }
  }

  /** Whether the webhook path is on. */
  public boolean enabled() {
    return url != null;
  }
}
