package io.fenghuo.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.starter.idempotency.IdempotentConsumer;
import io.fenghuo.starter.kafka.EventPublisher;
import io.fenghuo.starter.tenancy.TenantScope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.listener.DefaultErrorHandler;

class AutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  KafkaAutoConfiguration.class,
                  FenghuoServiceAutoConfiguration.class,
                  FenghuoIdempotencyAutoConfiguration.class))
          .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
          .withPropertyValues("spring.application.name=gateway-device");

  @Test
  void aServiceWithoutADatabaseGetsTheKafkaConventionsButNoIdempotentConsumer() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(EventPublisher.class);
          assertThat(context).hasSingleBean(DefaultErrorHandler.class);
          assertThat(context).doesNotHaveBean(IdempotentConsumer.class);
          assertThat(context.getBean(EventPublisher.class).source().getPath())
              .startsWith("/fenghuo/gateway-device/");
        });
  }

  @Test
  void servesAllOperatorsUnlessOneIsConfigured() {
    runner.run(context -> assertThat(context.getBean(TenantScope.class).operator()).isEmpty());
    runner
        .withPropertyValues("fenghuo.tenancy.operator=op-a", "fenghuo.instance=gw-1")
        .run(
            context -> {
              assertThat(context.getBean(TenantScope.class).operator())
                  .hasValueSatisfying(op -> assertThat(op.value()).isEqualTo("op-a"));
              assertThat(context.getBean(EventPublisher.class).source())
                  .hasToString("/fenghuo/gateway-device/gw-1");
            });
  }

  @Test
  void patternSubscriptionsRefreshTheirTopicsEveryFewSecondsUnlessTheServiceSaysOtherwise() {
    runner.run(context -> assertThat(metadataMaxAge(context)).isEqualTo(5000));
    runner
        .withPropertyValues("fenghuo.kafka.topic-discovery=2s")
        .run(context -> assertThat(metadataMaxAge(context)).isEqualTo(2000));
    runner
        .withPropertyValues("spring.kafka.consumer.properties.metadata.max.age.ms=700")
        .run(context -> assertThat(String.valueOf(metadataMaxAge(context))).isEqualTo("700"));
  }

  private static Object metadataMaxAge(org.springframework.context.ApplicationContext context) {
    return context
        .getBean(org.springframework.kafka.core.ConsumerFactory.class)
        .getConfigurationProperties()
        .get(org.apache.kafka.clients.consumer.ConsumerConfig.METADATA_MAX_AGE_CONFIG);
  }

  @Test
  void anInvalidOperatorFailsStartWithTheRule() {
    runner
        .withPropertyValues("fenghuo.tenancy.operator=Op_A")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("operator id 'Op_A' is invalid"));
  }
}
