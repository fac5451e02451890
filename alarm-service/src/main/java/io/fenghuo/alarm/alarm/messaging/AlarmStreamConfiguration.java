package io.fenghuo.alarm.alarm.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The alarm stream's publication thread. One thread, so that an alarm's events leave in commit
 * order (the console and dispatch-119 rely on per-alarm order).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AlarmStreamConfiguration {

  static final String EXECUTOR = "alarmStreamExecutor";

  @Bean(name = EXECUTOR)
  ThreadPoolTaskExecutor alarmStreamExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(1);
    executor.setMaxPoolSize(1);
    executor.setThreadNamePrefix("alarm-stream-");
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(10);
    return executor;
  }
}
