package io.fenghuo.testkit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single real KRaft Kafka broker (combined broker + controller) running inside the test JVM on a
 * random loopback port.
 *
 * <p>Obtain the JVM-wide instance with {@link TestInfrastructure#kafka()}; use {@link #start(Map)}
 * only when a test needs a broker with different settings, and close that one yourself.
 *
 * <p>Defaults: one partition per auto-created topic, topic auto-creation on, replication factor 1
 * for the internal topics (so transactions and share groups work with one broker).
 */
public final class KafkaBroker implements KafkaEndpoint, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

  private static final Map<String, String> DEFAULTS =
      Map.of(
          "auto.create.topics.enable", "true",
          "transaction.state.log.replication.factor", "1",
          "transaction.state.log.min.isr", "1",
          "share.coordinator.state.topic.replication.factor", "1",
          "share.coordinator.state.topic.min.isr", "1",
          // 50 partitions (the default) make the first consumer group noticeably slower to form.
          "offsets.topic.num.partitions", "5",
          // Fewer threads: the broker shares two cores with the tests and Spring contexts.
          "num.network.threads", "2",
          "num.io.threads", "2");

  private final EmbeddedKafkaKraftBroker broker;
  private final String bootstrapServers;
  private final boolean shared;
  private volatile boolean closed;

  private KafkaBroker(EmbeddedKafkaKraftBroker broker, boolean shared) {
    this.broker = broker;
    this.bootstrapServers = broker.getBrokersAsString();
    this.shared = shared;
  }

  /**
   * Starts a new broker with the default settings; the caller must {@link #close()} it.
   *
   * @throws IllegalStateException if the broker does not start
   */
  public static KafkaBroker start() {
    return start(Map.of());
  }

  /**
   * Starts a new broker; the caller must {@link #close()} it.
   *
   * @param brokerProperties broker configs overriding the defaults, e.g. {@code
   *     auto.create.topics.enable=false}
   * @throws IllegalStateException if the broker does not start
   */
  public static KafkaBroker start(Map<String, String> brokerProperties) {
    return start(brokerProperties, false);
  }

  static KafkaBroker startShared() {
    return start(Map.of(), true);
  }

  private static KafkaBroker start(Map<String, String> brokerProperties, boolean shared) {
    long started = System.nanoTime();
    Map<String, String> properties = new HashMap<>(DEFAULTS);
    properties.putAll(brokerProperties);
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.brokerProperties(properties);
    // The default would publish spring.kafka.bootstrap-servers as a JVM system property, silently
    // wiring every Spring context in the JVM to this broker; tests should say so explicitly.
    broker.brokerListProperty("fenghuo.testkit.kafka.bootstrap-servers");
    broker.afterPropertiesSet();
    KafkaBroker kafka = new KafkaBroker(broker, shared);
    log.info(
        "Kafka broker up at {} in {} ms",
        kafka.bootstrapServers,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    return kafka;
  }

  /**
   * {@inheritDoc}
   *
   * <p>A single {@code localhost:<port>} entry.
   */
  @Override
  public String bootstrapServers() {
    if (closed) {
      throw new IllegalStateException("Kafka broker is closed");
    }
    return bootstrapServers;
  }

  /**
   * Stops the broker and deletes its data.
   *
   * @throws IllegalStateException if this is the JVM-wide instance of {@link
   *     TestInfrastructure#kafka()}, which other test classes still use and a shutdown hook stops
   */
  @Override
  public void close() {
    if (shared) {
      throw new IllegalStateException(
          "The shared Kafka broker is stopped at JVM exit; do not close it");
    }
    stop();
  }

  synchronized void stop() {
    if (!closed) {
      closed = true;
      broker.destroy();
    }
  }

  @Override
  public String toString() {
    return "KafkaBroker[" + bootstrapServers + (closed ? ", closed]" : "]");
  }
}
