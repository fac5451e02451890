package io.fenghuo.inspection.inspection.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The outbox's publication thread. One thread, so that a fault's events (and a device's commands)
 * leave in commit order.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class OutboxConfiguration {

  static final String EXECUTOR = "inspectionOutboxExecutor";

  @Bean(name = EXECUTOR)
  ThreadPoolTaskExecutor inspectionOutboxExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(1);
    executor.setMaxPoolSize(1);
    executor.setThreadNamePrefix("inspection-outbox-");
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(10);
    return executor;
  }
}
