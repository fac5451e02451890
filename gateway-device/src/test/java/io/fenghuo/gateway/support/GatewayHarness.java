package io.fenghuo.gateway.support;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.kafka.CloudEventsDeserializer;
import io.fenghuo.contracts.kafka.CloudEventsSerializer;
import io.fenghuo.gateway.Gateway;
import io.fenghuo.gateway.GatewaySettings;
import io.fenghuo.gateway.bindings.DeviceBindings;
import io.fenghuo.gateway.liveness.RedisDeviceDirectory;
import io.fenghuo.gateway.uplink.KafkaLanes;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.fenghuo.testkit.KafkaEndpoint;
import io.fenghuo.testkit.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds gateways against testkit's real Kafka and Redis, without Spring. */
public final class GatewayHarness {

  private GatewayHarness() {}

  /** A fresh operator per test class, so topics never mix. */
  public static OperatorId freshOperator(String prefix) {
    return OperatorId.of(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** Test defaults: short timeouts so that failure paths finish within seconds. */
  public static GatewaySettings.Builder settings(OperatorId operator, String instance) {
    return GatewaySettings.defaults(operator, instance).toBuilder()
        .port(0)
        .maxFramesPerSecond(1_000)
        .halfFrameTimeout(Duration.ofSeconds(2))
        .commandTimeout(Duration.ofSeconds(2))
        .livenessFlushInterval(Duration.ofMillis(200));
  }

  public static Map<String, Object> producerBase(KafkaEndpoint kafka, Duration deliveryTimeout) {
    Map<String, Object> base = new HashMap<>(kafka.clientProperties());
    base.put(ProducerConfig.ACKS_CONFIG, "all");
    base.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    base.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    base.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventsSerializer.class);
    base.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
    base.put(
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        (int) Math.min(deliveryTimeout.toMillis() / 2, 30_000));
    base.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
    return base;
  }

  public static Gateway start(
      GatewaySettings settings, KafkaEndpoint kafka, DeviceBindings bindings)
      throws InterruptedException {
    return start(settings, producerBase(kafka, Duration.ofSeconds(30)), bindings);
  }

  public static Gateway start(
      GatewaySettings settings, Map<String, Object> producerBase, DeviceBindings bindings)
      throws InterruptedException {
    return start(settings, producerBase, bindings, Clock.systemUTC());
  }

  /** A gateway on the given producers (e.g. a bulk lane held up on purpose). */
  public static Gateway start(GatewaySettings settings, KafkaLanes lanes, DeviceBindings bindings)
      throws InterruptedException {
    return start(settings, lanes, bindings, Clock.systemUTC());
  }

  /** A gateway whose wall clock (time labels, clock syncs, events) is {@code clock}. */
  public static Gateway start(
      GatewaySettings settings,
      Map<String, Object> producerBase,
      DeviceBindings bindings,
      Clock clock)
      throws InterruptedException {
    return start(settings, KafkaLanes.create(producerBase), bindings, clock);
  }

  private static Gateway start(
      GatewaySettings settings, KafkaLanes lanes, DeviceBindings bindings, Clock clock)
      throws InterruptedException {
    Gateway gateway =
        new Gateway(
            settings,
            lanes.alarm(),
            lanes.bulk(),
            new RedisDeviceDirectory(TestInfrastructure.redis().uri(), settings.operator()),
            bindings,
            ProfileSelector.standard(),
            new SimpleMeterRegistry(),
            clock);
    gateway.start();
    return gateway;
  }

  public static KafkaConsumer<String, EventEnvelope<?>> consumer(KafkaEndpoint kafka) {
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventsDeserializer.class);
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500);
    @SuppressWarnings({"unchecked", "rawtypes"})
    KafkaConsumer<String, EventEnvelope<?>> c = new KafkaConsumer(props);
    return c;
  }
}
