package io.fenghuo.dispatch.incident.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The relays' threads. Kafka gets one thread, so records leave in commit order (an incident's
 * revisions and sends stay in order, and the operator's dispatch events too); acknowledgements take
 * milliseconds. The webhook has its own threads, so its retries and back-off never delay the Kafka
 * path.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class RelayConfiguration {

  static final String KAFKA = "kafkaRelayExecutor";
  static final String WEBHOOK = "webhookRelayExecutor";

  @Bean(name = KAFKA)
  ThreadPoolTaskExecutor kafkaRelayExecutor() {
    return executor("relay-kafka-", 1);
  }

  @Bean(name = WEBHOOK)
  ThreadPoolTaskExecutor webhookRelayExecutor() {
    return executor("relay-webhook-", 2);
  }

  private static ThreadPoolTaskExecutor executor(String prefix, int threads) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(threads);
    executor.setMaxPoolSize(threads);
    executor.setThreadNamePrefix(prefix);
    // On shutdown, publications in hand get 10 s; what is left stays incomplete in the registry
    // and is republished on the next start.
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(10);
    return executor;
  }
}
