package io.fenghuo.starter;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.starter.kafka.DeadLetters;
import io.fenghuo.starter.kafka.EventPublisher;
import io.fenghuo.starter.kafka.KafkaClusterHealthIndicator;
import io.fenghuo.starter.tenancy.TenantScope;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The conventions every Fenghuo service shares, configured once: tenant scope, event publishing,
 * the poison-message policy for every listener container and a Kafka health indicator. Property
 * defaults come from {@link FenghuoDefaultsEnvironmentPostProcessor}.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
    beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAnnotationDrivenConfiguration")
@EnableConfigurationProperties(FenghuoProperties.class)
public class FenghuoServiceAutoConfiguration {

  private final String serviceName;
  private final String instance;

  FenghuoServiceAutoConfiguration(
      FenghuoProperties properties, @Value("${spring.application.name:fenghuo}") String appName) {
    this.serviceName = serviceName(properties, appName);
    this.instance = properties.instance() != null ? properties.instance() : hostName();
  }

  static String serviceName(FenghuoProperties properties, String appName) {
    return properties.serviceName() != null ? properties.serviceName() : appName;
  }

  @Bean
  @ConditionalOnMissingBean
  TenantScope tenantScope(FenghuoProperties properties) {
    return properties.tenancy().operator() == null
        ? TenantScope.allOperators(serviceName)
        : TenantScope.singleOperator(properties.tenancy().operator(), serviceName);
  }

  @Bean
  @ConditionalOnMissingBean
  @SuppressWarnings("unchecked")
  EventPublisher eventPublisher(KafkaTemplate<?, ?> kafkaTemplate) {
    return new EventPublisher((KafkaOperations<String, EventEnvelope<?>>) kafkaTemplate, source());
  }

  @Bean
  @ConditionalOnMissingBean
  DefaultErrorHandler fenghuoErrorHandler(
      KafkaTemplate<?, ?> kafkaTemplate,
      ProducerFactory<?, ?> producerFactory,
      FenghuoProperties properties,
      MeterRegistry meters) {
    // Records that failed deserialization are republished with their raw bytes.
    @SuppressWarnings("unchecked")
    KafkaTemplate<Object, Object> raw =
        new KafkaTemplate<>(
            (ProducerFactory<Object, Object>) producerFactory,
            Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
    templates.put(byte[].class, raw);
    templates.put(Object.class, kafkaTemplate);
    return DeadLetters.errorHandler(templates, properties.kafka(), meters);
  }

  /**
   * Pattern subscriptions find a topic created after start (a new operator, a stream's first
   * record) at the consumer's next metadata refresh: every {@code fenghuo.kafka.topic-discovery}
   * instead of Kafka's 5 minutes. Applies to every consumer of the auto-configured factory, unless
   * the service set {@code metadata.max.age.ms} itself.
   */
  @Bean
  DefaultKafkaConsumerFactoryCustomizer fenghuoTopicDiscovery(FenghuoProperties properties) {
    long ms = properties.kafka().topicDiscovery().toMillis();
    return factory -> {
      if (!factory
          .getConfigurationProperties()
          .containsKey(ConsumerConfig.METADATA_MAX_AGE_CONFIG)) {
        factory.updateConfigs(
            Map.of(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) Math.min(ms, Integer.MAX_VALUE)));
      }
    };
  }

  @Bean(name = "kafkaClusterHealthIndicator")
  @ConditionalOnMissingBean(name = "kafkaClusterHealthIndicator")
  KafkaClusterHealthIndicator kafkaClusterHealthIndicator(KafkaAdmin kafkaAdmin) {
    return new KafkaClusterHealthIndicator(
        Admin.create(kafkaAdmin.getConfigurationProperties()), Duration.ofSeconds(3));
  }

  /** This instance's CloudEvents source: {@code /fenghuo/<service>/<instance>}. */
  URI source() {
    return URI.create("/fenghuo/" + serviceName + "/" + instance);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
