package io.fenghuo.starter;

import io.fenghuo.contracts.id.OperatorId;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every Fenghuo service shares, under {@code fenghuo.*}.
 *
 * @param serviceName the service's name, used in group ids, CloudEvents sources and the processed
 *     event table; defaults to {@code spring.application.name}
 * @param instance this instance's name (e.g. a pod name), used in the CloudEvents source; defaults
 *     to the host name
 * @param tenancy which tenants this instance serves
 * @param kafka retry and dead-letter settings
 */
@ConfigurationProperties("fenghuo")
public record FenghuoProperties(String serviceName, String instance, Tenancy tenancy, Kafka kafka) {

  public FenghuoProperties {
    tenancy = tenancy == null ? new Tenancy(null) : tenancy;
    kafka = kafka == null ? new Kafka(0, null, 0, null, null) : kafka;
  }

  /**
   * @param operator the one operator to serve; empty or unset serves all operators through pattern
   *     subscriptions (a new operator's topics are picked up without restart)
   */
  public record Tenancy(OperatorId operator) {}

  /**
   * @param retries how many times a failing record is retried before it is dead-lettered (default
   *     3)
   * @param initialBackOff the first retry delay (default 500 ms), doubled each time
   * @param multiplier back-off multiplier (default 2)
   * @param maxBackOff the longest retry delay (default 5 s)
   * @param topicDiscovery how soon a pattern subscription ({@code fire.op.*.<stream>}) sees a topic
   *     created after the service started: the consumers' {@code metadata.max.age.ms} (default 5 s;
   *     Kafka's own default is 5 min). An explicit {@code
   *     spring.kafka.consumer.properties.metadata.max.age.ms} wins
   */
  public record Kafka(
      int retries,
      Duration initialBackOff,
      double multiplier,
      Duration maxBackOff,
      Duration topicDiscovery) {
    public Kafka {
      retries = retries <= 0 ? 3 : retries;
      initialBackOff = initialBackOff == null ? Duration.ofMillis(500) : initialBackOff;
      multiplier = multiplier <= 0 ? 2.0 : multiplier;
      maxBackOff = maxBackOff == null ? Duration.ofSeconds(5) : maxBackOff;
      topicDiscovery =
          topicDiscovery == null || topicDiscovery.isZero() || topicDiscovery.isNegative()
              ? Duration.ofSeconds(5)
              : topicDiscovery;
    }
  }
}
