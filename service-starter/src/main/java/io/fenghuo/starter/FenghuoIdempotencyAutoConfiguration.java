package io.fenghuo.starter;

import io.fenghuo.starter.idempotency.IdempotentConsumer;
import io.fenghuo.starter.idempotency.ProcessedEventPurge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent consumer and the purge of its old ids, for services that own a database (the
 * gateway, for one, does not: it needs no JDBC on its classpath).
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"
    })
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnBean({DataSource.class, PlatformTransactionManager.class})
public class FenghuoIdempotencyAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  IdempotentConsumer idempotentConsumer(
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      FenghuoProperties properties,
      @Value("${spring.application.name:fenghuo}") String appName,
      MeterRegistry meters) {
    return new IdempotentConsumer(
        JdbcClient.create(dataSource),
        new TransactionTemplate(transactionManager),
        FenghuoServiceAutoConfiguration.serviceName(properties, appName),
        meters);
  }

  @Bean
  @ConditionalOnMissingBean
  ProcessedEventPurge processedEventPurge(
      IdempotentConsumer consumer,
      @Value("${fenghuo.idempotency.retention:14d}") Duration retention,
      @Value("${fenghuo.idempotency.purge-interval:1h}") Duration interval,
      MeterRegistry meters) {
    return new ProcessedEventPurge(consumer, retention, interval, meters);
  }
}
