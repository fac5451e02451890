package io.fenghuo.unit.archive.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The unit stream's publication thread. One thread, so that publications leave in commit order and
 * a unit's last record is always its latest state; Kafka acknowledgements take milliseconds, so one
 * thread keeps up with any plausible rate of archive edits.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class UnitStreamConfiguration {

  static final String EXECUTOR = "unitStreamExecutor";

  @Bean(name = EXECUTOR)
  ThreadPoolTaskExecutor unitStreamExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(1);
    executor.setMaxPoolSize(1);
    executor.setThreadNamePrefix("unit-stream-");
    // On shutdown, publications in hand get 10 s to finish; whatever is left stays incomplete in
    // the registry and is republished on the next start.
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(10);
    return executor;
  }
}
