package io.fenghuo.console.live;

import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.starter.tenancy.TenantScope;
import java.util.UUID;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.thymeleaf.ITemplateEngine;

/** Wiring of the live feed: Kafka listener container, consumer group, the feed itself. */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

  @Bean
  AlarmFeed alarmFeed(ITemplateEngine templates) {
    return new AlarmFeed(templates);
  }

  /**
   * Every console instance reads every record (its own consumer group), from the moment it starts:
   * a live view, not a processor, so nothing is replayed after a restart.
   */
  @Bean
  String liveGroupId(TenantScope tenants) {
    return tenants.groupId("live-" + UUID.randomUUID());
  }

  /** The 119 centre's topics the terminal watches: incidents and receipts of every operator. */
  @Bean
  String centreTopicPattern() {
    return java.util.regex.Pattern.quote(TopicNames.of(Stream.INCIDENT).toString())
        + "|"
        + java.util.regex.Pattern.quote(TopicNames.of(Stream.RECEIPT).toString());
  }

  /**
   * The console only shows events: a record it cannot read is logged and skipped, never retried or
   * dead-lettered (the services that process the stream do that, once). Every live listener reads
   * from the console's start time ({@link LiveStart}).
   */
  @Bean
  ConcurrentKafkaListenerContainerFactory<Object, Object> liveListenerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
      ConsumerFactory<Object, Object> consumers) {
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    configurer.configure(factory, consumers);
    factory.setCommonErrorHandler(new CommonLoggingErrorHandler());
    LiveStart start = new LiveStart();
    factory.getContainerProperties().setConsumerRebalanceListener(start);
    factory.setRecordInterceptor(start);
    return factory;
  }
}
